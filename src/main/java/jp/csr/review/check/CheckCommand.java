package jp.csr.review.check;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jp.csr.review.check.StoreCheck.Finding;
import jp.csr.review.config.ReviewProperties;
import jp.csr.review.console.ExitCode;
import jp.csr.review.lock.RunLock;
import jp.csr.review.store.StoreDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code check} (PRODUCT.md §7): checks the store, repairs what is safe, one line per problem with its path
 * and what to do; 0 when the store is sound at the end, 3 when problems remain. It takes the run lock to
 * repair, so no run stages or keeps files meanwhile; while a run holds it, it only looks.
 * <p>
 * A database that SQLite cannot read stops the start-up before this runs (see the command line's schema migration): the
 * same problem is then printed and the exit code is 3 all the same.
 */
@Component
public class CheckCommand {

	private static final Logger log = LoggerFactory.getLogger(CheckCommand.class);

	private final ReviewProperties properties;

	private final StoreCheck check;

	private final RunLock runLock;

	private final StoreDatabase database;

	CheckCommand(ReviewProperties properties, StoreCheck check, RunLock runLock, StoreDatabase database) {
		this.properties = properties;
		this.check = check;
		this.runLock = runLock;
		this.database = database;
	}

	public ExitCode run() throws IOException {
		if (database.shared()) {
			// the store is the database; the folder holds only this host's logs, staging and caches
			log.info("PostgreSQL のストア {} を点検します (このホストのフォルダ {})", database,
					properties.store().toAbsolutePath().normalize());
		}
		else {
			log.info("ストア {} を点検します", properties.store().toAbsolutePath().normalize());
		}
		Optional<RunLock.Held> lock;
		try {
			RunLock.Attempt acquired = runLock.acquire();
			lock = acquired.lock();
			if (lock.isEmpty()) {
				log.info("実行中 ({}) のため見るだけにします (保管ファイルの修復、一時ファイルの片付けは実行が終わってから)", acquired.holder());
			}
		}
		catch (RunLock.Unavailable ex) {
			log.warn("{}", ex.lockless());
			lock = Optional.empty();
		}
		List<Finding> findings;
		try {
			findings = check.run(lock.isPresent());
		}
		finally {
			lock.ifPresent(RunLock.Held::close);
		}
		for (Finding f : findings) {
			for (String line : f.lines()) {
				if (f.kind() == Finding.Kind.PROBLEM) {
					log.warn("{}", line);
				}
				else {
					log.info("{}", line);
				}
			}
		}
		long problems = findings.stream().filter(f -> f.kind() == Finding.Kind.PROBLEM).count();
		long repaired = findings.stream().filter(f -> f.kind() == Finding.Kind.REPAIRED).count();
		if (problems > 0) {
			log.warn("点検結果: 問題 {} 件 (修復済み {} 件)。上の各行の直し方に従ってください", problems, repaired);
			return ExitCode.PROBLEMS;
		}
		log.info("点検結果: 問題なし{}", repaired > 0 ? " (修復済み " + repaired + " 件)" : "");
		return ExitCode.OK;
	}

}
