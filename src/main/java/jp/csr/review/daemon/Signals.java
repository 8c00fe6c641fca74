package jp.csr.review.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (systemd, kill, {@code Process.destroy()}) and SIGINT (Ctrl-C) for the daemon. Handling them
 * replaces the JVM's default, which would start the shutdown hooks and exit 143 while a run is still
 * writing. Where the JDK offers no signal API the default stays, and {@link Daemon#stop()} still stops
 * the run from Spring's shutdown hook.
 */
final class Signals {

	private static final Logger log = LoggerFactory.getLogger(Signals.class);

	private Signals() {
	}

	static void onTerminate(Runnable action) {
		for (String name : new String[] { "TERM", "INT" }) {
			try {
				sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
					log.info("シグナル SIG{} を受けました", name);
					action.run();
				});
			}
			catch (RuntimeException | LinkageError ex) {
				log.debug("SIG{} not handled: {}", name, ex.toString());
			}
		}
	}

}
