package jp.csr.review.config;

import java.io.File;

import org.springframework.boot.system.ApplicationHome;

/** The product's build, for what is kept from one run to the next and must not outlive the code that made it. */
public final class Build {

	private static final String ID = read();

	private Build() {
	}

	/**
	 * The jar it runs from, by version, size and time (a rebuilt jar is a new build, whatever its version says); from
	 * a class folder (tests, an IDE), the version alone.
	 */
	public static String id() {
		return ID;
	}

	private static String read() {
		String version = String.valueOf(Build.class.getPackage().getImplementationVersion());
		File source = new ApplicationHome(Build.class).getSource();
		return source != null && source.isFile() ? version + " " + source.length() + " " + source.lastModified()
				: version;
	}

}
