package jp.csr.review.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
 * Whether a store's schema is already the jar's, asked in one query: then Flyway need not read, checksum and
 * validate every migration at every start. Only a history with no failed migration and exactly the versions of
 * the jar's migration files counts as current; anything else (a fresh store, an old one to upgrade, one with a
 * gap, a failed or newer one, a history that cannot be read) goes to Flyway, which migrates it or says what is
 * wrong. The schema lock is held while asking, so a run migrating the store at that
 * moment is waited for.
 */
final class SchemaVersion {

	private static final Logger log = LoggerFactory.getLogger(SchemaVersion.class);

	private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

	private SchemaVersion() {
	}

	static boolean current(Flyway flyway) {
		Optional<Set<MigrationVersion>> inJar = versions(flyway.getConfiguration().getLocations());
		if (inJar.isEmpty() || inJar.get().isEmpty()) {
			return false;
		}
		String table = flyway.getConfiguration().getTable();
		Set<MigrationVersion> applied = new HashSet<>();
		try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet history = statement.executeQuery("SELECT version, success FROM " + table)) {
			while (history.next()) {
				if (!history.getBoolean(2)) {
					return false;
				}
				if (history.getString(1) != null) {
					applied.add(MigrationVersion.fromVersion(history.getString(1)));
				}
			}
		}
		catch (SQLException ex) {
			log.debug("schema history not read, Flyway decides: {}", ex.getMessage());
			return false;
		}
		// every migration of the jar applied, and none the jar does not have: a gap or a newer build is Flyway's
		return applied.equals(inJar.get());
	}

	/** The newest versioned migration among the files of the locations Flyway reads. */
	static Optional<MigrationVersion> newest(Location... locations) {
		return versions(locations).flatMap(versions -> versions.stream().max(MigrationVersion::compareTo));
	}

	/** The versions of the migration files Flyway reads; none when there is a file this check cannot vouch for. */
	private static Optional<Set<MigrationVersion>> versions(Location... locations) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(SchemaVersion.class.getClassLoader());
		Set<MigrationVersion> versions = new HashSet<>();
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
					versions.add(MigrationVersion.fromVersion(versioned.group(1).replace('_', '.')));
				}
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}
		return Optional.of(versions);
	}

	static Optional<MigrationVersion> newest(String... locations) {
		return newest(Arrays.stream(locations).map(Location::new).toArray(Location[]::new));
	}

}
