package jp.csr.review.daemon;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.AdminTime;
import jp.csr.review.console.ExitCode;
import jp.csr.review.remind.RemindCommand;
import jp.csr.review.run.Consolidation;
import jp.csr.review.run.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * {@code daemon}: runs the consolidation on {@code review.schedule} (a Spring cron trigger in
 * {@code review.zone}) until SIGTERM or SIGINT. A fire while a run holds the lock (this daemon's
 * or a manual {@code ./review run}) logs and skips. On shutdown the run in progress is stopped through
 * {@code JobOperator.stop} after its current chunk, so it ends STOPPED and {@code ./review restart}
 * resumes it; the daemon then exits 0.
 * <p>
 * SIGTERM/SIGINT are handled here rather than by the JVM's shutdown hooks so that the stop can wait for
 * the run and the process can exit 0 (a JVM ended by a signal exits 143). If the context is closed some
 * other way, {@link #stop()} does the same.
 */
@Component
public class Daemon implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Daemon.class);

	private static final long STOP_WAIT_MINUTES = 10;

	private final ReviewProperties properties;

	private final Consolidation consolidation;

	private final RemindCommand remind;

	private final CountDownLatch stopRequested = new CountDownLatch(1);

	private volatile ThreadPoolTaskScheduler scheduler;

	private volatile CronExpression cron;

	private volatile ScheduledFuture<?> schedule;

	Daemon(ReviewProperties properties, Consolidation consolidation, RemindCommand remind) {
		this.properties = properties;
		this.consolidation = consolidation;
		this.remind = remind;
	}

	/** Blocks until asked to stop; returns the exit code. */
	public ExitCode run() throws InterruptedException {
		if (!CronExpression.isValidExpression(properties.schedule())) {
			log.error("review.schedule が cron 式ではありません: \"{}\" (例: \"0 0 2 * * *\" 秒 分 時 日 月 曜日)",
					properties.schedule());
			return ExitCode.USAGE;
		}
		String reminders = properties.remind().schedule();
		if (!reminders.isBlank() && !CronExpression.isValidExpression(reminders)) {
			log.error("review.remind.schedule が cron 式ではありません: \"{}\" (例: \"0 0 9 * * MON-FRI\"、空なら送らない)", reminders);
			return ExitCode.USAGE;
		}
		cron = CronExpression.parse(properties.schedule());
		ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
		tasks.setPoolSize(1);
		tasks.setThreadNamePrefix("review-daemon-");
		tasks.setWaitForTasksToCompleteOnShutdown(true);
		tasks.setAwaitTerminationSeconds((int) TimeUnit.MINUTES.toSeconds(STOP_WAIT_MINUTES));
		// the next fire must not run after shutdown (the JDK default would wait for it)
		tasks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		tasks.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
		tasks.initialize();
		scheduler = tasks;
		Signals.onTerminate(this::requestStop);
		schedule = tasks.schedule(this::fire, new CronTrigger(properties.schedule(), properties.zone()));
		log.info("デーモン開始 (PID {}): スケジュール \"{}\" ({})  次回 {}", ProcessHandle.current().pid(), properties.schedule(),
				properties.zone(), next());
		if (!reminders.isBlank()) {
			// the one thread of the scheduler runs them after a consolidation of this daemon, never beside it; the
			// run lock keeps them from a manual run
			tasks.schedule(this::remind, new CronTrigger(reminders, properties.zone()));
			log.info("リマインドのスケジュール \"{}\"  次回 {}", reminders,
					AdminTime.format(CronExpression.parse(reminders).next(ZonedDateTime.now(properties.zone()))));
		}
		stopRequested.await();
		shutdown("停止要求を受けました");
		return ExitCode.OK;
	}

	public void requestStop() {
		stopRequested.countDown();
	}

	private void fire() {
		if (stopRequested.getCount() == 0) {
			return;
		}
		log.info("定時実行を開始します");
		ExitCode code;
		try {
			code = consolidation.run();
		}
		catch (RuntimeException ex) {
			log.error("定時実行が異常終了しました: {}", RunReport.rootMessage(ex));
			log.debug("fire failed", ex);
			code = ExitCode.FAILED;
		}
		if (code == ExitCode.LOCKED) {
			log.info("別の実行が進行中のため今回はスキップします  次回 {}", next());
		}
		else {
			log.info("定時実行の終了: 終了コード {} ({})  次回 {}", code.code(), code, next());
		}
	}

	private void remind() {
		if (stopRequested.getCount() == 0) {
			return;
		}
		log.info("定時リマインドを開始します");
		try {
			ExitCode code = remind.run(false);
			log.info("定時リマインドの終了: 終了コード {} ({})", code.code(), code);
		}
		catch (RuntimeException ex) {
			log.error("定時リマインドが異常終了しました: {}", RunReport.rootMessage(ex));
			log.debug("remind failed", ex);
		}
	}

	private String next() {
		ZonedDateTime next = cron.next(ZonedDateTime.now(properties.zone()));
		return next == null ? "なし" : AdminTime.format(next);
	}

	/** Stops the schedule, asks the run in progress to stop, and waits for it to end. */
	private synchronized void shutdown(String why) {
		ThreadPoolTaskScheduler tasks = scheduler;
		if (tasks == null) {
			return;
		}
		scheduler = null;
		if (schedule != null) {
			schedule.cancel(false); // no further fires; one in progress goes on until stopped below
		}
		log.info("デーモンを停止します ({})", why);
		boolean busy = consolidation.running();
		Optional<Long> stopping = consolidation.stopRunning();
		stopping.ifPresent(id -> log.info("実行 {} に停止を要求しました (処理中のファイルの後で STOPPED になります)", id));
		if (busy && stopping.isEmpty()) {
			log.info("実行中の実行の終了を待ちます");
		}
		// waits for a fire in progress (up to STOP_WAIT_MINUTES), then ends the thread
		tasks.shutdown();
		stopping.ifPresent(id -> log.info("再開するには: {}", consolidation.restartCommand(id)));
		log.info("デーモンを停止しました");
	}

	@Override
	public void start() {
		// nothing: the daemon starts only when the daemon command runs
	}

	/** The context closes (a shutdown hook, say) while the daemon runs: the same orderly stop. */
	@Override
	public void stop() {
		requestStop();
		shutdown("アプリケーションの終了");
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	/** Stopped before the data source and the job infrastructure. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
