package jp.csr.review.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a store's schema is already the jar's newest, asked in one query: then Flyway need not read, checksum
 * and validate every migration at every start. Only a history whose last migration succeeded, with no failed one,
 * at exactly the newest version among the jar's migration files counts as current; anything else (a fresh store,
 * an old one to upgrade, a failed or newer one, a history that cannot be read) goes to Flyway as before, which
 * migrates it or says what is wrong. The schema lock is held while asking, so a run migrating the store at that
 * moment is waited for.
 */
final class SchemaVersion {

	private static final Logger log = LoggerFactory.getLogger(SchemaVersion.class);

	private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

	private SchemaVersion() {
	}

	static boolean current(Flyway flyway) {
		Optional<MigrationVersion> newest = newest(flyway.getConfiguration().getLocations());
		if (newest.isEmpty()) {
			return false;
		}
		String table = flyway.getConfiguration().getTable();
		try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet last = statement.executeQuery("SELECT (SELECT version FROM " + table
						+ " WHERE version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1), (SELECT COUNT(*) FROM " + table
						+ " WHERE NOT success)")) {
			return last.next() && last.getString(1) != null && last.getLong(2) == 0
					&& MigrationVersion.fromVersion(last.getString(1)).equals(newest.get());
		}
		catch (SQLException ex) {
			log.debug("schema history not read, Flyway decides: {}", ex.getMessage());
			return false;
		}
	}

	/** The newest versioned migration among the files of the locations Flyway reads. */
	static Optional<MigrationVersion> newest(Location... locations) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(SchemaVersion.class.getClassLoader());
		MigrationVersion newest = null;
		for (Location location : locations) {
			if (!location.isClassPath()) {
				return Optional.empty();
			}
			try {
				for (Resource file : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*.sql")) {
					Matcher versioned = VERSIONED.matcher(String.valueOf(file.getFilename()));
					if (!versioned.matches()) {
						return Optional.empty(); // a repeatable migration: Flyway compares its checksum
					}
					else {
						MigrationVersion version = MigrationVersion.fromVersion(versioned.group(1).replace('_', '.'));
						newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
					}
				}
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}
		return Optional.ofNullable(newest);
	}

	static Optional<MigrationVersion> newest(String... locations) {
		return newest(Arrays.stream(locations).map(Location::new).toArray(Location[]::new));
	}

}
