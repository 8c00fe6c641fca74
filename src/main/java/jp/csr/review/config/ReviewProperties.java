package jp.csr.review.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code review.*} keys of PRODUCT.md §7 and the tunables the spec leaves to configuration.
 *
 * @param plan the term's plan workbook (行動計画ブック)
 * @param inputDir the shared folder departments drop submissions into; read, never modified
 * @param outputDir where the review workbook and the annotated copies are written
 * @param store folder of the SQLite database, the archived submissions and the logs
 * @param schedule cron expression of the nightly run ({@code daemon})
 * @param zone time zone that decides whether a file is late
 * @param settle a file modified more recently than this waits for the next run
 * @param marks 進捗 word to mark (◎ ○ △); percentages are ranged by {@link jp.csr.review.form.MarkRule}
 * @param templatePassword sheet-protection password of generated templates; empty means none
 * @param loadThreads threads that check the files of a load chunk at once; 0 (the default) means one per
 *        processor, 1 checks them one after the other
 * @param loadChunk files loaded per transaction: the fsync'd commit and the job repository's update are paid once
 *        per chunk, and a restart after a crash resumes at the first chunk not committed
 * @param backup the copies of the database a successful run leaves under {@code <store>/backup}
 * @param remind the reminder e-mails of {@code remind} and the daemon (PRODUCT.md §9)
 * @param pdf the review's PDF beside the workbook
 * @param officeDir the folder the office saves its decision workbooks into (事務局確認, PRODUCT.md §11); read,
 *        never modified
 */
@ConfigurationProperties("review")
public record ReviewProperties(
		@DefaultValue("config/plan.xlsx") Path plan,
		@DefaultValue("input") Path inputDir,
		@DefaultValue("output") Path outputDir,
		@DefaultValue("store") Path store,
		@DefaultValue("0 0 2 * * *") String schedule,
		@DefaultValue("Asia/Tokyo") ZoneId zone,
		@DefaultValue("5s") Duration settle,
		Map<String, String> marks,
		@DefaultValue("") String templatePassword,
		@DefaultValue("0") int loadThreads,
		@DefaultValue("50") int loadChunk,
		@DefaultValue Backup backup,
		@DefaultValue Remind remind,
		@DefaultValue Pdf pdf,
		@DefaultValue("office") Path officeDir) {

	/** 進捗 words and their marks, PRODUCT.md §5 defaults. */
	public static final Map<String, String> DEFAULT_MARKS = Map.of(
			"完了", "◎",
			"継続中", "○", "一部完了", "○",
			"未完了", "△", "未着手", "△");

	public ReviewProperties {
		marks = (marks == null || marks.isEmpty()) ? DEFAULT_MARKS : Map.copyOf(marks);
		if (loadThreads < 0) {
			throw new IllegalArgumentException("review.load-threads は 0 (プロセッサ数と同じ) 以上にしてください: " + loadThreads);
		}
		if (loadChunk < 1) {
			throw new IllegalArgumentException("review.load-chunk は 1 以上にしてください: " + loadChunk);
		}
	}

	/**
	 * {@code review.backup.*}.
	 *
	 * @param keep how many backups of the database to keep, the newest; 0 makes none
	 */
	public record Backup(@DefaultValue("7") int keep) {

		public Backup {
			if (keep < 0) {
				throw new IllegalArgumentException("review.backup.keep は 0 (バックアップしない) 以上にしてください: " + keep);
			}
		}

	}

	/**
	 * {@code review.remind.*}; the mail server itself is Spring Boot's {@code spring.mail.*}.
	 *
	 * @param from the sender of the reminders (required to send)
	 * @param schedule cron expression on which the daemon sends reminders; empty means never
	 */
	public record Remind(@DefaultValue("") String from, @DefaultValue("") String schedule) {
	}

	/**
	 * {@code review.pdf.*}.
	 *
	 * @param font the Japanese TrueType font file ({@code .ttf}, {@code .otf} with TrueType outlines, or
	 *        {@code .ttc}) the PDF embeds; unset (null) or empty: one found on the system
	 */
	public record Pdf(Path font) {

		public Pdf {
			if (font != null && font.toString().isEmpty()) {
				font = null;
			}
		}

	}

	/** The threads {@code review.load-threads} asks for: 0 means one per processor. */
	public int loadThreadCount() {
		return loadThreads > 0 ? loadThreads : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * These settings with the ones that decide what a run does replaced: a restart does what its run set out to
	 * do ({@code jp.csr.review.config.RunSettings}).
	 */
	public ReviewProperties forRun(Path plan, Path inputDir, Path outputDir, Path officeDir, ZoneId zone,
			Duration settle, Map<String, String> marks) {
		return new ReviewProperties(plan, inputDir, outputDir, store, schedule, zone, settle, marks, templatePassword,
				loadThreads, loadChunk, backup, remind, pdf, officeDir);
	}

	public Path database() {
		return store.resolve("review.db");
	}

}
