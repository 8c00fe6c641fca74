package jp.csr.review.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import jp.csr.review.ReviewApplication;

/**
 * A stand-in for {@code target/review.jar} that lets a test run the launcher {@code review} itself without building:
 * a jar with no classes of its own, whose manifest points at the test's class path and names this class. Run
 * with {@code -Djarmode=tools … extract --destination DIR}, it copies itself there as Spring Boot's tools would
 * extract the real jar; otherwise it is the application. Each start is written to the file the system property
 * {@value #PROBE} names (one line: the arguments), so a test sees what the launcher started.
 */
public final class LauncherJar {

	public static final String PROBE = "review.test.launcher-probe";

	private LauncherJar() {
	}

	public static void main(String[] args) throws Exception {
		String probe = System.getProperty(PROBE);
		if (probe != null) {
			Files.writeString(Path.of(probe), String.join(" ", args) + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		if ("tools".equals(System.getProperty("jarmode"))) {
			Path destination = Path.of(args[args.length - 1]);
			Files.createDirectories(destination);
			Files.copy(self(), destination.resolve("review.jar"), StandardCopyOption.REPLACE_EXISTING);
			return;
		}
		ReviewApplication.main(args);
	}

	/** Writes the stand-in jar to {@code jar}. */
	public static void write(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		Attributes main = manifest.getMainAttributes();
		main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
		main.put(Attributes.Name.MAIN_CLASS, LauncherJar.class.getName());
		List<String> classPath = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			classPath.add(Path.of(entry).toAbsolutePath().toUri().toString());
		}
		main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
		Files.createDirectories(jar.getParent());
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
			// the manifest is all
		}
	}

	/** Started with {@code -jar}, the class path is the jar alone. */
	private static Path self() {
		return Path.of(System.getProperty("java.class.path"));
	}

}
