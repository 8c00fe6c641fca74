package jp.csr.review.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review's files written at once, while the step's own thread writes the annotated copies: at 2,000
 * departments the workbook, the PDF, the web page and the office's workbook are each seconds of one core, and
 * a night has two. Each file is written through {@code FileReplacement}, so a file is either the earlier one or
 * the new one whole.
 *
 * <p>A file that fails fails the step, but only once every other file has been written or has failed too: none
 * is still being written when the step is over (and a restart writes them all again).
 */
final class Outputs implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Outputs.class);

	/** Two cores are what the product's machines have; more threads would only share them. */
	private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

	/**
	 * About what writing one of the files holds in memory per row of 振り返り, on top of the review's data: at
	 * 10,000 departments (100,000 rows) with a 256 MB heap, two files at once kept the heap full and the collector
	 * took most of the step (150 s; 123 s one file after the other).
	 */
	static final long BYTES_PER_ROW = 2 * 1024;

	private final ExecutorService pool;

	private final List<Future<?>> started = new ArrayList<>();

	/** Files written two at once. */
	Outputs() {
		this(THREADS);
	}

	private Outputs(int threads) {
		this.pool = Executors.newFixedThreadPool(threads, runnable -> {
			Thread thread = new Thread(runnable, "review-output");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Files of a review of {@code rows} rows: two at once where the heap has room for both, else one after the other. */
	static Outputs forRows(int rows) {
		return new Outputs(threads(rows, Runtime.getRuntime().maxMemory()));
	}

	static int threads(int rows, long maxHeap) {
		return rows * BYTES_PER_ROW * 2 <= maxHeap ? THREADS : 1;
	}

	/** A file to write, with what it says of itself (its path). */
	@FunctionalInterface
	interface Output<T> {

		T write() throws IOException;

	}

	/** Starts writing one file; its result is {@link Written#get()} once {@link #awaitAll()} returned. */
	<T> Written<T> start(Output<T> output) {
		Callable<T> call = output::write;
		Future<T> future = pool.submit(call);
		started.add(future);
		return new Written<>(future);
	}

	/**
	 * Waits for every file started, then throws what the first of them (in the order started) threw.
	 *
	 * @throws Exception an output's own exception, as writing it on this thread would have thrown it
	 */
	void awaitAll() throws Exception {
		Throwable first = null;
		for (Future<?> future : started) {
			try {
				future.get();
			}
			catch (ExecutionException ex) {
				if (first == null) {
					first = ex.getCause();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				// the files still being written are not waited for: a step stopped in the middle is restarted whole
				pool.shutdownNow();
				throw ex;
			}
		}
		if (first instanceof Exception ex) {
			throw ex;
		}
		if (first instanceof Error error) {
			throw error;
		}
	}

	/** Lets the files still being written finish (the step failed elsewhere): none is left half-way by the step. */
	@Override
	public void close() {
		pool.shutdown();
		try {
			while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
				log.info("振り返りのファイルの書き込みを待っています");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pool.shutdownNow();
		}
	}

	/** One file's result: its path, or whatever its writer returns. */
	static final class Written<T> {

		private final Future<T> future;

		private Written(Future<T> future) {
			this.future = future;
		}

		/** The result, once {@link #awaitAll()} returned without throwing. */
		T get() {
			if (!future.isDone()) {
				throw new IllegalStateException("not written yet");
			}
			try {
				return future.get();
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
