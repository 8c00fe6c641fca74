package jp.csr.review.console;

import java.nio.file.Path;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The {@code --review.store=…} a printed command needs, so that a printed command (the restart of a failed run, the
 * check of a store, the run to type instead), typed as printed, acts on the same store and folders (PRODUCT.md §7). None when the store is the configured one (config/application.yml, or the built-in default),
 * which a command typed in the checkout finds too; the absolute path when the store came from the command line,
 * a system property or the environment, which the admin's next command does not repeat. The same for the
 * shared store's {@code spring.datasource.url} and {@code username}; a password is never printed: a placeholder
 * stands where the admin typed one.
 */
public final class StoreOption {

	private static final ConfigurationPropertyName STORE = ConfigurationPropertyName.of("review.store");

	private static final ConfigurationPropertyName URL = ConfigurationPropertyName.of("spring.datasource.url");

	private static final ConfigurationPropertyName USERNAME = ConfigurationPropertyName.of("spring.datasource.username");

	private static final ConfigurationPropertyName PASSWORD = ConfigurationPropertyName.of("spring.datasource.password");

	private StoreOption() {
	}

	/** A folder setting a printed command needs, e.g. {@code review.input-dir}, where the store check looks for lost files. */
	public record Folder(String key, Path path) {

	}

	/**
	 * {@code ./review <words>} as the admin types it next: with the store's options ({@link #of}) and those of the
	 * given folders that the admin's own command line set.
	 */
	public static String command(Environment environment, Path store, String words, Folder... folders) {
		StringBuilder command = new StringBuilder("./review ").append(words).append(of(environment, store));
		for (Folder folder : folders) {
			command.append(option(environment, ConfigurationPropertyName.of(folder.key()),
					folder.path().toAbsolutePath().normalize().toString()));
		}
		return command.toString();
	}

	public static String of(Environment environment, Path store) {
		return option(environment, STORE, store.toAbsolutePath().normalize().toString())
				+ option(environment, URL, environment.getProperty(URL.toString()))
				+ option(environment, USERNAME, environment.getProperty(USERNAME.toString()))
				+ option(environment, PASSWORD, "<パスワード>");
	}

	/** {@code --name=value} when the first source setting {@code name} is not a configuration file. */
	private static String option(Environment environment, ConfigurationPropertyName name, String value) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return "";
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source) || !sets(source, name)) {
				continue;
			}
			return source instanceof OriginTrackedMapPropertySource ? "" : " --" + name + "=" + shellWord(value);
		}
		return "";
	}

	/** Whether a source sets a property, in any of the spellings Spring Boot binds ({@code REVIEW_STORE} too). */
	private static boolean sets(PropertySource<?> source, ConfigurationPropertyName name) {
		for (ConfigurationPropertySource properties : ConfigurationPropertySources.from(source)) {
			if (properties.getConfigurationProperty(name) != null) {
				return true;
			}
		}
		return false;
	}

	/** As a POSIX shell reads it back: quoted when it holds anything but the plainest characters. */
	static String shellWord(String text) {
		return text.matches("[\\w./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
	}

}
