package jp.csr.review.operations;

import java.io.IOException;
import java.util.Optional;

import jp.csr.review.ReviewProperties;
import jp.csr.review.plan.PlanException;
import jp.csr.review.plan.PlanReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts the consolidation job under the run lock, and turns its end into an exit code
 * and the console lines an admin reads.
 */
@Component
class Consolidation {

	private static final Logger log = LoggerFactory.getLogger(Consolidation.class);

	private final ReviewProperties properties;

	private final JobOperator operator;

	private final JobRepository repository;

	private final Job job;

	private final RunReport report;

	Consolidation(ReviewProperties properties, JobOperator operator, JobRepository repository, Job job,
			RunReport report) {
		this.properties = properties;
		this.operator = operator;
		this.repository = repository;
		this.job = job;
		this.report = report;
	}

	ExitCode run() throws Exception {
		return underLock(() -> {
			JobExecution execution = operator.start(job,
					new JobParametersBuilder().addLong("run.id", System.currentTimeMillis()).toJobParameters());
			return report.print(execution);
		});
	}

	/** Restarts the given execution, or the latest one that failed or stopped. */
	ExitCode restart(Long executionId) throws Exception {
		return underLock(() -> {
			Optional<JobExecution> target = executionId != null
					? Optional.ofNullable(repository.getJobExecution(executionId)) : latestRestartable();
			if (target.isEmpty()) {
				log.info(executionId != null ? "実行 " + executionId + " は見つかりません"
						: "再開できる実行 (FAILED または STOPPED) はありません");
				return ExitCode.USAGE;
			}
			BatchStatus status = target.get().getStatus();
			if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
				log.info("実行 {} は {} のため再開できません (FAILED または STOPPED のみ)", target.get().getId(), status);
				return ExitCode.USAGE;
			}
			log.info("実行 {} を再開します", target.get().getId());
			return report.print(operator.restart(target.get()));
		});
	}

	private Optional<JobExecution> latestRestartable() {
		JobExecution latest = null;
		for (var instance : repository.getJobInstances(job.getName(), 0, 20)) {
			JobExecution last = repository.getLastJobExecution(instance);
			if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)
					&& (latest == null || last.getId() > latest.getId())) {
				latest = last;
			}
		}
		return Optional.ofNullable(latest);
	}

	private interface Work {

		ExitCode run() throws Exception;

	}

	private ExitCode underLock(Work work) throws Exception {
		try {
			PlanReader.read(properties.plan());
		}
		catch (PlanException ex) {
			log.error(ex.getMessage());
			return ExitCode.USAGE;
		}
		RunLock.Result acquired;
		try {
			acquired = RunLock.acquire(properties.store());
		}
		catch (IOException ex) {
			log.error("ストア {} にロックファイルを作れません: {}", properties.store(), ex.getMessage());
			return ExitCode.USAGE;
		}
		if (acquired.lock().isEmpty()) {
			log.error("別の実行が進行中です ({})。終わるのを待ってから実行してください", acquired.holder());
			return ExitCode.LOCKED;
		}
		try (RunLock lock = acquired.lock().get()) {
			recoverDeadRuns();
			return work.run();
		}
	}

	/**
	 * Holding the lock proves no other run is alive, so an execution still marked running died with its
	 * process (kill -9, power loss). Marking it FAILED makes it restartable; a live run is never touched.
	 */
	private void recoverDeadRuns() {
		for (JobExecution dead : repository.findRunningJobExecutions(job.getName())) {
			log.warn("実行 {} は異常終了していました (プロセスが停止)。FAILED として記録し、再開できるようにします", dead.getId());
			operator.recover(dead);
		}
	}

}
