package jp.csr.review.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.csr.review.config.ReviewProperties;

/**
 * The {@code review.*} keys a command line may set: the components of {@link ReviewProperties} (nested records
 * recursively, a map takes any sub key), so a key added there is known here without a second list. Keys are
 * compared the way Spring Boot binds them (relaxed: {@code input-dir}, {@code inputDir} and {@code input_dir}
 * are one key). Every {@value #EXTRA} on the class path adds keys (a line ending in a dot adds a prefix): the
 * tests' hooks ({@code review.test.*}) live there, so a packaged jar refuses them.
 */
final class SettingKeys {

	static final String PREFIX = "review.";

	static final String EXTRA = "META-INF/review-keys.txt";

	/** One key or prefix, its canonical spelling for messages and its relaxed form for comparing. */
	private record Key(String name, String relaxed, boolean prefix, boolean path) {

		boolean matches(String relaxedKey) {
			return prefix ? relaxedKey.startsWith(relaxed) && relaxedKey.length() > relaxed.length()
					: relaxedKey.equals(relaxed);
		}

	}

	private final List<Key> keys;

	private SettingKeys(List<Key> keys) {
		this.keys = List.copyOf(keys);
	}

	static SettingKeys load() {
		List<Key> keys = new ArrayList<>();
		components(ReviewProperties.class, PREFIX, keys);
		extra(keys);
		return new SettingKeys(keys);
	}

	/** A full key ({@code review.input-dir}) is one a command line may set. */
	boolean known(String key) {
		String relaxed = relaxed(key);
		return keys.stream().anyMatch(k -> k.matches(relaxed));
	}

	/** A key that names a file or folder: typed relative, it is relative to the folder the user is in. */
	boolean path(String key) {
		String relaxed = relaxed(key);
		return keys.stream().anyMatch(k -> k.path() && k.matches(relaxed));
	}

	/** Every key as a user types it; a map's keys end in a dot ({@code review.marks.}). */
	List<String> names() {
		return keys.stream().map(Key::name).toList();
	}

	private static void components(Class<?> type, String prefix, List<Key> keys) {
		for (RecordComponent c : type.getRecordComponents()) {
			String name = prefix + kebab(c.getName());
			if (c.getType().isRecord()) {
				components(c.getType(), name + ".", keys);
			}
			else if (Map.class.isAssignableFrom(c.getType())) {
				keys.add(new Key(name + ".", relaxed(name + "."), true, false));
			}
			else {
				keys.add(new Key(name, relaxed(name), false, isPath(c)));
			}
		}
	}

	private static boolean isPath(RecordComponent c) {
		return Path.class.equals(c.getType()) || (c.getGenericType() instanceof ParameterizedType p
				&& List.of(p.getActualTypeArguments()).contains(Path.class));
	}

	private static void extra(List<Key> keys) {
		try {
			Enumeration<URL> files = SettingKeys.class.getClassLoader().getResources(EXTRA);
			while (files.hasMoreElements()) {
				try (BufferedReader in = new BufferedReader(
						new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
					in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
						.forEach(l -> keys.add(new Key(l, relaxed(l), l.endsWith("."), false)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Spring Boot's relaxed form: case, dashes and underscores do not count, and {@code marks[完了]} is
	 * {@code marks.完了}.
	 */
	static String relaxed(String key) {
		return key.replace("[", ".").replace("]", "").replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
