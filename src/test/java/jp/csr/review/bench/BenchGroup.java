package jp.csr.review.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import jp.csr.review.plan.Department;
import jp.csr.review.plan.Plan;
import jp.csr.review.sample.SampleWorkbooks;
import jp.csr.review.template.TemplateWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The benchmark's group: the plan of {@link ScaleBenchmark#plan(int) N departments} with a 提出期限, and the drop
 * folder its departments filled the way a real night finds it. Per department, drawn from a random generator
 * seeded with its index (so department 17 gets the same file at N = 200 and N = 10,000):
 * <ul>
 * <li>about 1% sent nothing;</li>
 * <li>about 3% sent one file the run rejects (a count typed as 1.5件, 進捗 ほぼ完了, an unknown 維持 word, the KPI
 * sheet renamed, or a formula without a saved result);</li>
 * <li>about 1% sent a rejected file, then a corrected one ({@code …_修正.xlsx}, days later), and 1% an accepted
 * file, then a revised one: two versions of one department, the newer wins;</li>
 * <li>about 5% sent their (last) file after the 提出期限 (received in November);</li>
 * <li>about 2% re-sent the same bytes as {@code …_再送.xlsx} beside it, and 1% into a subfolder {@code 再送分/}
 * (skipped: the oldest copy is taken);</li>
 * <li>every file: values typed as people type them (full-width ９８．５％, 1件 with its unit, a percent-formatted
 * cell holding 0.985, 80% progress as text), self-evaluations now and then left blank or not matching the progress
 * (a warning), 実績表記 sometimes, and 250 to 400 characters of highlight per commitment.</li>
 * </ul>
 *
 * <p>Modification times are fixed dates in 2025 (Tokyo), so lateness and "newest wins" do not depend on when the
 * group was generated. The group is written once under {@code <dir>/group-<N>/} and reused by every later
 * benchmark: two builds compare on the same files. {@code group.properties}, written last, marks a complete group
 * and records what it holds; a group of another {@link #VERSION} (or one half-written) is generated again.
 */
final class BenchGroup {

	/** Bump when what is generated changes: a cached group of an older version is generated again. */
	private static final String VERSION = "2";

	static final LocalDate DEADLINE = LocalDate.of(2025, 10, 31);

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final Instant END_OF_DEADLINE = DEADLINE.plusDays(1).atStartOfDay(TOKYO).toInstant();

	private static final long SEED = 53;

	private static final String RESENT_FOLDER = "再送分";

	private static final String[] SURNAMES = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤" };

	private static final String[] GIVEN_NAMES = { "太郎", "花子", "健一", "美咲", "翔太", "陽子", "大輔", "恵", "拓也", "由美" };

	private static final String[] HIGHLIGHT_SENTENCES = {
			"全拠点で研修を実施し、受講率は前期から大きく改善した。未受講者には個別に案内し、期末までにフォローを完了した。",
			"点検の結果を踏まえて手順書を全面的に見直し、現場の意見を反映した改訂版を10月に公開した。",
			"訓練は計画どおり年2回実施し、初動対応の課題を洗い出して関係部署と共有した。",
			"重大インシデントは発生しなかったが、軽微な事象が3件あり、原因分析と再発防止策を講じた。",
			"外部認証の更新審査を受審し、指摘事項なしで維持することができた。",
			"取引先への調査票の回収率は９２％となり、回答内容に基づいてリスクの高い先と個別に対話を行った。",
			"管理職向けの説明会を四半期ごとに開催し、延べ120名が参加した。アンケートでは満足度が高かった。",
			"新しい報告フローを導入し、報告から対応開始までの時間を平均2日短縮した。",
			"社内ポータルに事例集を掲載し、閲覧数は月平均1,500件に達した。",
			"次期は対象をグループ会社にも広げ、同じ水準の取り組みを展開する計画である。",
			"予算の制約により一部の施策は翌期に持ち越したが、優先度の高いものから着手している。",
			"経営会議で進捗を半期ごとに報告し、重点課題について追加の支援を得た。" };

	/** What kind of night a department had. */
	private enum Fate {
		MISSING, REJECTED, CORRECTED, REVISED, ONE_FILE
	}

	/**
	 * A generated group and what it holds: {@code rejectedFiles} counts every file the run should reject (the
	 * first version of a corrected department too), {@code resent} the copies it should skip.
	 */
	record Group(Path root, Path plan, Path input, int departments, int kpis, int initiatives, long files, long bytes,
			int rejectedFiles, int lateFiles, int resentBeside, int resentInSubfolder, int superseded, int missing,
			double generatedSeconds) {

		Path runs() {
			return root.resolve("runs");
		}

		int resent() {
			return resentBeside + resentInSubfolder;
		}

		long expectedAccepted() {
			return files - rejectedFiles - resent();
		}

		String describe() {
			return String.format(java.util.Locale.ROOT,
					"%,d departments (plan: %,d KPIs, %,d initiatives, 提出期限 %s): %,d files, %.1f MB; %d rejected files, "
							+ "%d late, %d re-sent copies (%d in %s/), %d departments with two versions, %d sent nothing",
					departments, kpis, initiatives, DEADLINE, files, bytes / 1e6, rejectedFiles, lateFiles, resent(),
					resentInSubfolder, RESENT_FOLDER, superseded, missing);
		}
	}

	private BenchGroup() {
	}

	/** The group of N departments under {@code dir}, generated unless a complete one of this version is there. */
	static Group prepare(Path dir, int departments) throws IOException {
		Path root = dir.resolve("group-" + departments).toAbsolutePath();
		Path marker = root.resolve("group.properties");
		if (Files.isRegularFile(marker)) {
			Properties p = new Properties();
			try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
				p.load(in);
			}
			if (VERSION.equals(p.getProperty("version"))) {
				return read(root, p);
			}
		}
		// only what this class writes is removed: the folder may sit beside anything
		for (String generated : List.of("group.properties", "config", "input", "runs")) {
			delete(root.resolve(generated));
		}
		long started = System.nanoTime();
		Counter counter = generate(root, departments);
		Group group = counter.group(root, (System.nanoTime() - started) / 1e9);
		Properties p = new Properties();
		p.setProperty("version", VERSION);
		p.setProperty("departments", String.valueOf(group.departments()));
		p.setProperty("kpis", String.valueOf(group.kpis()));
		p.setProperty("initiatives", String.valueOf(group.initiatives()));
		p.setProperty("files", String.valueOf(group.files()));
		p.setProperty("bytes", String.valueOf(group.bytes()));
		p.setProperty("rejectedFiles", String.valueOf(group.rejectedFiles()));
		p.setProperty("lateFiles", String.valueOf(group.lateFiles()));
		p.setProperty("resentBeside", String.valueOf(group.resentBeside()));
		p.setProperty("resentInSubfolder", String.valueOf(group.resentInSubfolder()));
		p.setProperty("superseded", String.valueOf(group.superseded()));
		p.setProperty("missing", String.valueOf(group.missing()));
		p.setProperty("generatedSeconds", String.valueOf(group.generatedSeconds()));
		try (Writer out = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
			p.store(out, "the benchmark's group of " + departments + " departments: complete, reused by later runs");
		}
		return group;
	}

	private static Group read(Path root, Properties p) {
		return new Group(root, root.resolve("config/plan.xlsx"), root.resolve("input"), integer(p, "departments"),
				integer(p, "kpis"), integer(p, "initiatives"), Long.parseLong(p.getProperty("files")),
				Long.parseLong(p.getProperty("bytes")), integer(p, "rejectedFiles"), integer(p, "lateFiles"),
				integer(p, "resentBeside"), integer(p, "resentInSubfolder"), integer(p, "superseded"),
				integer(p, "missing"), Double.parseDouble(p.getProperty("generatedSeconds")));
	}

	private static int integer(Properties p, String key) {
		return Integer.parseInt(p.getProperty(key));
	}

	/** The plan of {@link ScaleBenchmark#plan(int)} with a 提出期限, so that late files are late. */
	static Plan plan(int departments) {
		Plan p = ScaleBenchmark.plan(departments);
		return new Plan(p.group(), p.term(), p.start(), p.end(), DEADLINE, p.departments(), p.kpis(), p.initiatives());
	}

	/**
	 * How many departments sent only files the run rejects (their annotated copy stays in the output folder): the
	 * first draw of each department's generator, as {@link #generate} makes it, without generating anything.
	 */
	static int rejectedDepartments(int departments) {
		int rejected = 0;
		for (int index = 0; index < departments; index++) {
			double roll = new SplittableRandom(SEED * 1_000_003L + index).nextDouble();
			if (roll >= 0.01 && roll < 0.04) {
				rejected++;
			}
		}
		return rejected;
	}

	private static Counter generate(Path root, int departments) throws IOException {
		Plan plan = plan(departments);
		Path input = root.resolve("input");
		Files.createDirectories(input.resolve(RESENT_FOLDER));
		SampleWorkbooks.writePlan(plan, root.resolve("config/plan.xlsx"));
		TemplateWriter templates = new TemplateWriter("");
		Counter counter = new Counter(plan);
		int index = 0;
		for (Department d : plan.departments()) {
			SplittableRandom random = new SplittableRandom(SEED * 1_000_003L + index++);
			double roll = random.nextDouble();
			Fate fate = roll < 0.01 ? Fate.MISSING
					: roll < 0.04 ? Fate.REJECTED
							: roll < 0.05 ? Fate.CORRECTED : roll < 0.06 ? Fate.REVISED : Fate.ONE_FILE;
			if (fate == Fate.MISSING) {
				counter.missing++;
				continue;
			}
			boolean late = random.nextDouble() < 0.05;
			double resend = random.nextDouble();
			// late: in the two weeks after the deadline; otherwise some day of October, office hours
			Instant received = (late ? DEADLINE.plusDays(1 + random.nextInt(14)) : DEADLINE.withDayOfMonth(1 + random.nextInt(31)))
				.atTime(9 + random.nextInt(10), random.nextInt(60))
				.atZone(TOKYO)
				.toInstant();
			String name = TemplateWriter.fileName(plan, d);
			String stem = name.substring(0, name.length() - ".xlsx".length());
			Path last = input.resolve(name);
			if (fate == Fate.CORRECTED || fate == Fate.REVISED) {
				counter.superseded++;
				Instant earlier = received.minus(Duration.ofDays(3 + random.nextInt(8)));
				write(templates, plan, d, random, fate == Fate.CORRECTED, input.resolve(name), earlier, counter);
				last = input.resolve(stem + "_修正.xlsx");
			}
			write(templates, plan, d, random, fate == Fate.REJECTED, last, received, counter);
			if (resend < 0.03) {
				// the same bytes again days later: beside it, or into a folder of re-sent files
				Path copy = resend < 0.02 ? input.resolve(stem + "_再送.xlsx") : input.resolve(RESENT_FOLDER).resolve(name);
				Files.copy(last, copy);
				Files.setLastModifiedTime(copy, FileTime.from(received.plus(Duration.ofDays(1 + random.nextInt(3)))));
				if (resend < 0.02) {
					counter.resentBeside++;
				}
				else {
					counter.resentInSubfolder++;
				}
				counter.files(copy);
			}
		}
		return counter;
	}

	/** The department's template, filled in (and broken if it is to be rejected), received at the given time. */
	private static void write(TemplateWriter templates, Plan plan, Department d, SplittableRandom random, boolean rejected,
			Path file, Instant received, Counter counter) throws IOException {
		templates.write(plan, d, file);
		XSSFWorkbook wb;
		try (InputStream in = Files.newInputStream(file)) {
			wb = new XSSFWorkbook(in);
		}
		try (wb) {
			fill(wb, d, random, received);
			if (rejected) {
				breakIt(wb, random);
				counter.rejectedFiles++;
			}
			Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
			try (OutputStream out = Files.newOutputStream(temp)) {
				wb.write(out);
			}
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
		Files.setLastModifiedTime(file, FileTime.from(received));
		if (!received.isBefore(END_OF_DEADLINE)) {
			counter.lateFiles++;
		}
		counter.files(file);
	}

	/** The template's input cells (see {@link TemplateWriter}): 表紙 B5/B6, KPI F/G, 取り組み C/D, ハイライト B. */
	private static void fill(XSSFWorkbook wb, Department d, SplittableRandom random, Instant received) {
		XSSFSheet cover = wb.getSheet("表紙");
		cover.getRow(4).getCell(1).setCellValue(pick(random, SURNAMES) + " " + pick(random, GIVEN_NAMES));
		cover.getRow(5).getCell(1).setCellValue(received.atZone(TOKYO).toLocalDate());
		for (Row row : wb.getSheet("KPI")) {
			if (row.getRowNum() > 0) {
				String id = row.getCell(0).getStringCellValue();
				kpiResult(wb, id.substring(id.lastIndexOf('K')), (XSSFCell) row.getCell(5), (XSSFCell) row.getCell(6),
						random);
			}
		}
		for (Row row : wb.getSheet("取り組み")) {
			if (row.getRowNum() > 0) {
				progress(wb, (XSSFCell) row.getCell(2), (XSSFCell) row.getCell(3), random);
			}
		}
		for (Row row : wb.getSheet("ハイライト")) {
			if (row.getRowNum() > 0) {
				row.getCell(1).setCellValue(highlight(d, random));
			}
		}
	}

	/** A result of the plan's five KPIs (see {@link ScaleBenchmark#plan(int)}), typed one of the ways people do. */
	private static void kpiResult(XSSFWorkbook wb, String kpi, XSSFCell result, XSSFCell wording, SplittableRandom random) {
		switch (kpi) {
			case "K1" -> {
				// 研修受講率, target 100%: 85.0 to 100.0
				double rate = 850 + random.nextInt(151);
				String typed = plain(rate / 10);
				switch (random.nextInt(5)) {
					case 0 -> result.setCellValue(rate / 10);
					case 1 -> result.setCellValue(typed + "%");
					case 2 -> result.setCellValue(fullWidth(typed + "%"));
					default -> {
						// typed as 98.5% into the cell: Excel keeps 0.985, formatted as percent
						result.setCellValue(rate / 1000);
						result.setCellStyle(withFormat(wb, result.getCellStyle(), "0.0%"));
					}
				}
				if (random.nextInt(4) == 0) {
					wording.setCellValue("研修受講率" + typed + "%");
				}
			}
			case "K2" -> {
				// 重大インシデント件数, at most 0
				int count = random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2);
				switch (random.nextInt(3)) {
					case 0 -> result.setCellValue(count);
					case 1 -> result.setCellValue(count + "件");
					default -> result.setCellValue(fullWidth(count + "件"));
				}
				if (random.nextInt(3) == 0) {
					wording.setCellValue("重大インシデント件数" + count + "件");
				}
			}
			case "K3" -> result.setCellValue(random.nextInt(20) == 0 ? "未維持" : pick(random, "維持", "維持", "維持", "達成", "取得", "○"));
			case "K4" -> {
				// 訓練, at least 2 回
				int times = 1 + random.nextInt(4);
				switch (random.nextInt(3)) {
					case 0 -> result.setCellValue(times);
					case 1 -> result.setCellValue(times + "回");
					default -> result.setCellValue(fullWidth(times + "回"));
				}
			}
			default -> {
				result.setCellValue(pick(random, "継続中", "継続中", "達成", "未達"));
				if (random.nextBoolean()) {
					wording.setCellValue("体制の見直しを" + pick(random, "完了", "継続", "一部実施"));
				}
			}
		}
	}

	/** 進捗 as a word or a percentage, and mostly the matching 自己評価: now and then blank or another mark. */
	private static void progress(XSSFWorkbook wb, XSSFCell progress, XSSFCell mark, SplittableRandom random) {
		int roll = random.nextInt(100);
		String implied;
		if (roll < 40) {
			progress.setCellValue("完了");
			implied = "◎";
		}
		else if (roll < 60) {
			progress.setCellValue("継続中");
			implied = "○";
		}
		else if (roll < 70) {
			progress.setCellValue("一部完了");
			implied = "○";
		}
		else if (roll < 75) {
			progress.setCellValue(pick(random, "未完了", "未着手"));
			implied = "△";
		}
		else {
			int percent = 10 * (1 + random.nextInt(9));
			switch (roll % 3) {
				case 0 -> progress.setCellValue(percent + "%");
				case 1 -> progress.setCellValue(fullWidth(percent + "%"));
				default -> {
					progress.setCellValue(percent / 100.0);
					progress.setCellStyle(withFormat(wb, progress.getCellStyle(), "0%"));
				}
			}
			implied = "○";
		}
		int choice = random.nextInt(100);
		if (choice >= 15) {
			// 3 in 100 disagree with their progress: a warning, not a rejection
			mark.setCellValue(choice < 18 ? (implied.equals("◎") ? "○" : "◎") : implied);
		}
	}

	/** 250 to 400 characters of the department's story, in lines as a person writes them in one cell. */
	private static String highlight(Department d, SplittableRandom random) {
		StringBuilder text = new StringBuilder(d.name()).append("の53期の主な取り組みは下記の通り。");
		int length = 250 + random.nextInt(151);
		while (text.length() < length) {
			text.append('\n').append(pick(random, HIGHLIGHT_SENTENCES));
		}
		return text.toString();
	}

	/** One of the mistakes that send a file back, at one cell or sheet. */
	private static void breakIt(XSSFWorkbook wb, SplittableRandom random) {
		XSSFSheet kpis = wb.getSheet("KPI");
		switch (random.nextInt(5)) {
			case 0 -> resultOf(kpis, "K2").setCellValue("1.5件");
			case 1 -> wb.getSheet("取り組み").getRow(1 + random.nextInt(wb.getSheet("取り組み").getLastRowNum())).getCell(2)
				.setCellValue("ほぼ完了");
			case 2 -> resultOf(kpis, "K3").setCellValue("更新中");
			case 3 -> wb.setSheetName(wb.getSheetIndex(kpis), "KPI (修正)");
			default -> {
				// a formula saved without its result, as some tools do: its value cannot be trusted. Blank first:
				// POI would keep the number typed before as the formula's cached result
				XSSFCell result = resultOf(kpis, "K1");
				result.setBlank();
				result.setCellFormula("95+3");
			}
		}
	}

	private static XSSFCell resultOf(XSSFSheet kpis, String kpi) {
		for (Row row : kpis) {
			if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().endsWith("-" + kpi)) {
				return (XSSFCell) row.getCell(5);
			}
		}
		throw new IllegalStateException("no " + kpi + " in " + kpis.getSheetName());
	}

	/** The input cell's own style (unlocked, tinted) with a number format, as Excel does when one types 98.5%. */
	private static CellStyle withFormat(XSSFWorkbook wb, XSSFCellStyle base, String format) {
		XSSFCellStyle style = wb.createCellStyle();
		style.cloneStyleFrom(base);
		style.setDataFormat(wb.createDataFormat().getFormat(format));
		return style;
	}

	private static String plain(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

	/** Digits, point and percent as an IME in full-width mode types them: ９８．５％. */
	static String fullWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			out.append(switch (c) {
				case '.' -> '．';
				case '%' -> '％';
				default -> c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c;
			});
		}
		return out.toString();
	}

	@SafeVarargs
	private static <T> T pick(SplittableRandom random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}

	/** Counts what the generation wrote. */
	private static final class Counter {

		private final Plan plan;

		private long files;

		private long bytes;

		private int rejectedFiles;

		private int lateFiles;

		private int resentBeside;

		private int resentInSubfolder;

		private int superseded;

		private int missing;

		Counter(Plan plan) {
			this.plan = plan;
		}

		void files(Path written) throws IOException {
			files++;
			bytes += Files.size(written);
		}

		Group group(Path root, double seconds) {
			return new Group(root, root.resolve("config/plan.xlsx"), root.resolve("input"), plan.departments().size(),
					plan.kpis().size(), plan.initiatives().size(), files, bytes, rejectedFiles, lateFiles, resentBeside,
					resentInSubfolder, superseded, missing, seconds);
		}

	}

	static void delete(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> all = Files.walk(root)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
