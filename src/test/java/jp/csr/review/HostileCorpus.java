package jp.csr.review;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.csr.review.sample.SampleWorkbooks;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The hostile drop folder, built by the test itself (no binary fixtures): every kind of file a
 * department, a tool or an attacker can leave in the shared folder, beside two valid submissions, and
 * what PRODUCT.md §3 says the night answers for each. Files are received one minute apart in the
 * order they are added, so the run takes them in that order; the column filled to the last row and the
 * re-sent copies come last, so that whatever fails first, every other case has been tried.
 *
 * <p>Departments: the two valid files are ISEC's and COMP's, and no hostile file claims either, so the
 * review must show exactly those two files for them. Hostile workbooks are PRIV's, RISK's, DEV's, AD's
 * and BCP's sample submission, broken one way each.
 */
final class HostileCorpus {

	/** What the run must answer for a file. */
	enum Expect {

		/** loaded; warnings allowed */
		ACCEPTED,
		/** rejected whole, with at least one error saying why */
		REJECTED,
		/** not taken: the same bytes came in an older file */
		SKIPPED,
		/** any outcome, as long as the file is answered */
		ANSWERED

	}

	/** One file of the drop folder. */
	record Case(String what, Path file, Expect expect) {
	}

	static final String VALID_ISEC = "53期_ISEC_情報セキュリティ部.xlsx";

	static final String VALID_COMP = "53期_COMP_コンプライアンス推進部.xlsx";

	/** Texts a spreadsheet program takes for a formula or a DDE command when they are written as formulas. */
	static final List<String> FORMULA_TEXTS = List.of("=HYPERLINK(\"http://evil.example/\",\"詳細はこちら\")",
			"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)");

	/** What such a text would be evaluated as: none of it may be a formula in anything the run writes. */
	static final List<String> FORMULA_CORES = List.of("HYPERLINK", "cmd|", "1+1", "2+3");

	/**
	 * The department's answer: the rejected files of a job instance ({@code ?}) that were opened (an error
	 * names a cell) and are not settled by a later accepted file of their department, each of which is owed
	 * an annotated copy under {@code 差戻し/}.
	 */
	static final String OWED_ANNOTATED_COPIES = """
			SELECT f.file_name FROM submission_file f
			WHERE f.job_instance_id = ? AND f.status = 'REJECTED'
			  AND EXISTS (SELECT 1 FROM validation_issue i WHERE i.file_id = f.id AND i.severity = 'ERROR' AND i.cell <> '')
			  AND NOT EXISTS (SELECT 1 FROM submission_file n WHERE n.department_code = f.department_code
			                  AND n.status = 'ACCEPTED' AND n.modified_at > f.modified_at)""";

	/** A console line the control-character case tries to forge. */
	static final String FORGED = "受理     /srv/share/inbox/偽物.xlsx  部署 FAKE  警告 0件";

	/**
	 * Clears the admin's terminal, then breaks the line and prints {@link #FORGED}. Control characters are
	 * written as Excel stores them ({@code _x001B_}; POI reads them back as ESC): a raw one is saved as "?".
	 */
	static final String TERMINAL_ATTACK = "_x001B_[2J達成\n" + FORGED;

	private static final Instant FIRST = Instant.parse("2025-10-20T01:00:00Z");

	final Path root;

	final Path input;

	/** A folder beside the input folder: the symlinks' target and the external entity's secret live there. */
	final Path outside;

	/** Text of a file outside the input folder that an external entity tries to pull into the run. */
	final String secret = "XXE-SECRET-" + UUID.randomUUID();

	/** Where a path-traversal zip entry would land if anything extracted it. */
	final Path traversalTarget = Path.of("/tmp", "hostile-traversal-" + UUID.randomUUID() + ".txt");

	/** A valid submission outside the input folder, reachable only through a symlink. */
	final Path outsideWorkbook;

	final List<Case> cases = new ArrayList<>();

	/** Symbolic links in the input folder: never followed out of it, loops not at all. */
	final List<Path> symlinks = new ArrayList<>();

	private Instant clock = FIRST;

	private HostileCorpus(Path root) {
		this.root = root;
		this.input = root.resolve("input");
		this.outside = root.resolve("outside");
		this.outsideWorkbook = outside.resolve("53期_BCP_外部.xlsx");
	}

	/** The plan, an input folder holding every case, and the folder outside it. */
	static HostileCorpus build(Path root) throws Exception {
		HostileCorpus c = new HostileCorpus(root);
		Files.createDirectories(c.input);
		Files.createDirectories(c.outside);
		Files.copy(Path.of("config/plan.xlsx"), root.resolve("plan.xlsx"));
		c.valid();
		c.xmlAttacks();
		c.zipAttacks();
		c.notWorkbooks();
		c.sizes();
		c.consoleAttacks();
		c.renamedHeaders();
		c.formulaTexts();
		c.formulaResults();
		c.ambiguousNames();
		c.links();
		c.oddNames();
		c.reviewOwnName();
		c.fullColumn();
		c.resent();
		return c;
	}

	// ---- the two valid submissions ------------------------------------------------------------------

	private void valid() throws IOException {
		add("有効な提出 (ISEC)", VALID_ISEC, Expect.ACCEPTED, submission("ISEC", wb -> {
		}));
		add("有効な提出 (COMP)", VALID_COMP, Expect.ACCEPTED, submission("COMP", wb -> {
		}));
	}

	// ---- XML: external entities, DOCTYPE, entity expansion -------------------------------------------

	private void xmlAttacks() throws IOException {
		Path secretFile = Files.writeString(outside.resolve("secret.txt"), secret);
		String doctype = "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>";
		byte[] base = submission("PRIV", wb -> cell(wb, "表紙!B5").setCellValue("XXE-PLACEHOLDER"));
		add("外部実体参照 (XXE) で入力フォルダ外のファイルを読もうとする sharedStrings", "xxe.xlsx", Expect.REJECTED,
				rewrite(base, "xl/sharedStrings.xml", xml -> withDoctype(xml, doctype).replace("XXE-PLACEHOLDER", "&xxe;")));
		StringBuilder laughs = new StringBuilder("<!DOCTYPE sst [<!ENTITY lol \"lol\">");
		for (int i = 1; i <= 9; i++) {
			laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
		}
		laughs.append("]>");
		add("実体の指数的展開 (billion laughs)", "billion-laughs.xlsx", Expect.REJECTED,
				rewrite(base, "xl/sharedStrings.xml", xml -> withDoctype(xml, laughs.toString()).replace("XXE-PLACEHOLDER", "&lol9;")));
		add("workbook.xml に DOCTYPE", "doctype-workbook.xlsx", Expect.REJECTED,
				rewrite(base, "xl/workbook.xml", xml -> withDoctype(xml, "<!DOCTYPE workbook [<!ENTITY a \"b\">]>")));
	}

	// ---- zip: bomb, thousands of entries, path traversal ----------------------------------------------

	private void zipAttacks() throws IOException {
		byte[] base = submission("PRIV", wb -> {
		});
		// 1 GiB of blanks inside the KPI sheet: about 4.5 MB on disk
		String kpi = sheetPart(base, "KPI");
		Path bomb = file("zip-bomb.xlsx");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			out.setLevel(1);
			copyEntries(base, out, name -> !name.equals(kpi));
			out.putNextEntry(new ZipEntry(kpi));
			out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
					+ "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
			byte[] blanks = new byte[1 << 20];
			Arrays.fill(blanks, (byte) ' ');
			for (int i = 0; i < 1024; i++) {
				out.write(blanks);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		received("1 GiB に展開される zip bomb", bomb, Expect.REJECTED);

		ByteArrayOutputStream many = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(many)) {
			copyEntries(base, out, name -> true);
			for (int i = 0; i < 20_000; i++) {
				out.putNextEntry(new ZipEntry("xl/media/pad" + i + ".bin"));
				out.write(i);
				out.closeEntry();
			}
		}
		add("20,000 個の zip エントリ", "many-entries.xlsx", Expect.REJECTED, many.toByteArray());

		ByteArrayOutputStream traversal = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(traversal)) {
			copyEntries(base, out, name -> true);
			out.putNextEntry(new ZipEntry("../../../../../../../../.." + traversalTarget));
			out.write("escaped".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		// POI leaves an invalid part name out of the package and nothing is ever extracted: answered either way,
		// as long as nothing lands outside (see traversalTarget)
		add("入力フォルダの外を指すエントリ名 (path traversal)", "path-traversal.xlsx", Expect.ANSWERED, traversal.toByteArray());
	}

	// ---- not workbooks at all -------------------------------------------------------------------------

	private void notWorkbooks() throws IOException {
		byte[] valid = submission("PRIV", wb -> cell(wb, "KPI!H2").setCellValue("途中で切れたファイル"));
		add("途中で切れた .xlsx (前半のみ)", "truncated.xlsx", Expect.REJECTED, Arrays.copyOf(valid, valid.length / 2));
		add("0 バイトのファイル", "zero-bytes.xlsx", Expect.REJECTED, new byte[0]);
		add(".xlsx という名前のテキスト", "text.xlsx", Expect.REJECTED,
				"部署コード,実績\nPRIV,1件\n".getBytes(StandardCharsets.UTF_8));
		byte[] garbage = new byte[8192];
		new Random(7).nextBytes(garbage);
		// the OLE2 signature first: readers take it for an Excel 97 file and parse the garbage after it
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 },
				0, garbage, 0, 8);
		add("OLE2 の署名のあとがゴミの .xls", "garbage.xls", Expect.REJECTED, garbage);
		add("パスワードで暗号化されたブック (agile)", "encrypted.xlsx", Expect.REJECTED, encrypted("PRIV"));
	}

	// ---- sizes: claimed and real ----------------------------------------------------------------------

	private void sizes() throws IOException {
		byte[] bcp = submission("BCP", wb -> {
		});
		String kpi = sheetPart(bcp, "KPI");
		add("KPI シートが A1:Z1048576 を名乗る (セルは数個)", "million-rows-claimed.xlsx", Expect.ANSWERED,
				rewrite(bcp, kpi, xml -> xml.replaceFirst("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:Z1048576\"/>")));

		Path wide = file("16384-columns.xlsx");
		byte[] dev = submission("DEV", wb -> {
		});
		insert(dev, sheetPart(dev, "KPI"), "</row>", wide, xml -> {
			for (int c = 8; c < 16_384; c++) {
				String column = CellReference.convertNumToColString(c);
				xml.append("<c r=\"").append(column).append("1\" t=\"inlineStr\"><is><t>列").append(column).append("</t></is></c>");
			}
		});
		received("KPI の見出し行が 16,384 列 (XFD1) まで", wide, Expect.ANSWERED);

		// POI refuses to write more than 32,767 characters: the text is put into the XML afterwards
		String placeholder = "LONG-CELL-PLACEHOLDER";
		byte[] withPlaceholder = submission("BCP", wb -> cell(wb, "ハイライト!B2").setCellValue(placeholder));
		StringBuilder long40k = new StringBuilder();
		Random random = new Random(40_000);
		while (long40k.length() < 40_000) {
			// varied kanji: a run of one character would be refused as a zip bomb instead
			long40k.append((char) (0x4E00 + random.nextInt(2_000)));
		}
		add("40,000 文字のセル (ハイライト)", "40000-characters.xlsx", Expect.ACCEPTED,
				rewrite(withPlaceholder, "xl/sharedStrings.xml", xml -> xml.replace(placeholder, long40k)));
	}

	// ---- text that attacks the console and the log ------------------------------------------------------

	private void consoleAttacks() throws IOException {
		add("制御文字: ESC[2J と改行で偽の受理行 (実績・提出者・備考)", "control-characters.xlsx", Expect.REJECTED,
				submission("RISK", wb -> {
					cell(wb, "KPI!F2").setCellValue(TERMINAL_ATTACK);
					cell(wb, "KPI!H2").setCellValue("_x0007__x0008__x000D_" + FORGED);
					cell(wb, "表紙!B5").setCellValue("_x001B_]0;pwned_x0007_田中\n" + FORGED);
				}));
	}

	// ---- an everyday mistake: headers typed over ------------------------------------------------------------

	private void renamedHeaders() throws IOException {
		// an error and a warning at A1 and C1 and a warning at B1: three annotated cells side by side
		add("取り組みの見出し3つを書き換え (隣り合うセルに指摘)", "見出しを書き換えた.xlsx", Expect.REJECTED, submission("RISK", wb -> {
			cell(wb, "取り組み!A1").setCellValue("ID");
			cell(wb, "取り組み!B1").setCellValue("取り組み内容");
			cell(wb, "取り組み!C1").setCellValue("進み具合");
		}));
	}

	// ---- formula-looking texts: text in, text out -------------------------------------------------------

	private void formulaTexts() throws IOException {
		add("数式に見える文字列を全テキスト列に (受理される)", "数式に見える文字列_受理.xlsx", Expect.ACCEPTED, submission("AD", wb -> {
			cell(wb, "表紙!B5").setCellValue(FORMULA_TEXTS.get(0));
			cell(wb, "KPI!G2").setCellValue(FORMULA_TEXTS.get(1));
			cell(wb, "KPI!G3").setCellValue(FORMULA_TEXTS.get(2));
			cell(wb, "KPI!H2").setCellValue(FORMULA_TEXTS.get(3));
			cell(wb, "KPI!H3").setCellValue(FORMULA_TEXTS.get(4));
			fillColumn(wb.getSheet("取り組み"), 4, 0);
			cell(wb, "ハイライト!B2").setCellValue(FORMULA_TEXTS.get(4));
		}));
		add("数式に見える文字列を全テキスト列に (実績・進捗も、差戻し)", "数式に見える文字列_差戻し.xlsx", Expect.REJECTED,
				submission("RISK", wb -> {
					cell(wb, "表紙!B5").setCellValue(FORMULA_TEXTS.get(0));
					cell(wb, "KPI!F2").setCellValue(FORMULA_TEXTS.get(0));
					cell(wb, "KPI!G2").setCellValue(FORMULA_TEXTS.get(1));
					cell(wb, "KPI!H2").setCellValue(FORMULA_TEXTS.get(2));
					fillColumn(wb.getSheet("取り組み"), 2, 0);
					fillColumn(wb.getSheet("取り組み"), 3, 3);
					fillColumn(wb.getSheet("取り組み"), 4, 1);
					cell(wb, "ハイライト!B2").setCellValue(FORMULA_TEXTS.get(3));
				}));
	}

	/** Every data row of a column, cycling through the formula-looking texts from the given one. */
	private static void fillColumn(Sheet sheet, int column, int from) {
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			sheet.getRow(r).createCell(column).setCellValue(FORMULA_TEXTS.get((from + r - 1) % FORMULA_TEXTS.size()));
		}
	}

	// ---- formulas whose result is missing or an error ----------------------------------------------------

	private void formulaResults() throws IOException {
		// DEV K09 (減少, 件): as scripts write it, the formula and no cached value
		add("キャッシュ値のない数式 (実績 =1+1)", "formula-without-cached-value.xlsx", Expect.REJECTED, submission("DEV", wb -> {
			Cell result = cell(wb, "KPI!F2");
			result.setBlank();
			result.setCellFormula("1+1");
		}));
		add("キャッシュ値が #DIV/0! の数式 (実績 =1/0)", "cached-div0.xlsx", Expect.REJECTED, submission("DEV", wb -> {
			Cell result = cell(wb, "KPI!F2");
			result.setBlank();
			result.setCellFormula("1/0");
			result.setCellErrorValue(FormulaError.DIV0.getCode());
		}));
	}

	// ---- one name, two places ---------------------------------------------------------------------------

	private void ambiguousNames() throws IOException {
		add("非表示の重複シート「ＫＰＩ」(NFKC で KPI) を先頭に", "hidden-kpi-sheet.xlsx", Expect.REJECTED, submission("PRIV", wb -> {
			Sheet copy = wb.cloneSheet(wb.getSheetIndex("KPI"));
			wb.setSheetName(wb.getSheetIndex(copy), "ＫＰＩ");
			wb.setSheetOrder("ＫＰＩ", 0);
			wb.setActiveSheet(1);
			wb.setFirstVisibleTab(1);
			wb.setSheetHidden(0, true);
			copy.getRow(1).getCell(5).setCellValue(0);
		}));
		add("「実績」列が2つ (I列にも)", "duplicate-result-column.xlsx", Expect.REJECTED, submission("PRIV", wb -> {
			Sheet kpis = wb.getSheet("KPI");
			kpis.getRow(0).createCell(8).setCellValue("実績");
			for (int r = 1; r <= kpis.getLastRowNum(); r++) {
				kpis.getRow(r).createCell(8).setCellValue(5);
			}
		}));
	}

	// ---- symbolic links: out of the folder, and a loop ----------------------------------------------------

	private void links() throws IOException {
		Files.write(outsideWorkbook, submission("BCP", wb -> cell(wb, "ハイライト!B2").setCellValue("入力フォルダの外のファイル")));
		Files.setLastModifiedTime(outsideWorkbook, FileTime.from(tick()));
		symlinks.add(Files.createSymbolicLink(input.resolve("外部へのリンク.xlsx"), outsideWorkbook));
		symlinks.add(Files.createSymbolicLink(input.resolve("外部フォルダへのリンク"), outside));
		Path loop = Files.createDirectories(input.resolve("ループ"));
		symlinks.add(Files.createSymbolicLink(loop.resolve("自分自身"), loop));
		symlinks.add(Files.createSymbolicLink(loop.resolve("親"), input));
	}

	// ---- odd file names -----------------------------------------------------------------------------------

	private void oddNames() throws IOException {
		add("名前に改行", "改行の\nある名前.xlsx", Expect.ACCEPTED, submission("BCP", wb -> {
		}));
		add("NFD の日本語名 (テ + 結合濁点)", Normalizer.normalize("53期_PRIV_データ提出.xlsx", Normalizer.Form.NFD),
				Expect.ACCEPTED, submission("PRIV", wb -> {
				}));
		add("先頭が「-」の名前", "-rf --no-preserve-root.xlsx", Expect.ACCEPTED, submission("DEV", wb -> {
		}));
		add("250 バイトの名前 (差戻し: 注記付きの写しが要る)", longName(), Expect.REJECTED,
				submission("RISK", wb -> cell(wb, "KPI!F2").setCellValue("ほぼ達成")));
	}

	/** 81 kanji (243 bytes) + "_x.xlsx": 250 bytes, the odd-names case that is rejected and needs its annotated copy. */
	static String longName() {
		return "長".repeat(81) + "_x.xlsx";
	}

	// ---- a submission that names the review's own path ------------------------------------------------------

	private void reviewOwnName() throws IOException {
		add("部署コード「..」でレビューと同じ名前 (差戻し)", "53期_行動計画振り返り.xlsx", Expect.REJECTED,
				submission("BCP", wb -> cell(wb, "表紙!B3").setCellValue("..")));
	}

	// ---- a column filled down to Excel's last row ------------------------------------------------------------

	private void fullColumn() throws IOException {
		// as SXSSF writes it (inline strings, a 5 MB file), written directly: SXSSF itself takes 17 s here
		Path full = file("備考が最終行まで.xlsx");
		byte[] priv = submission("PRIV", wb -> {
			Sheet kpis = wb.getSheet("KPI");
			for (int r = 1; r <= kpis.getLastRowNum(); r++) {
				kpis.getRow(r).createCell(7).setCellValue("-");
			}
		});
		// 1-based: the header, PRIV's KPI rows, then the rest of the sheet
		int first = SampleWorkbooks.plan().kpisOf("PRIV").size() + 2;
		insert(priv, sheetPart(priv, "KPI"), "</sheetData>", full, xml -> {
			for (int r = first; r <= 1_048_576; r++) {
				xml.append("<row r=\"").append(r).append("\"><c r=\"H").append(r).append("\" t=\"inlineStr\"><is><t>-</t></is></c></row>");
			}
		});
		received("備考に「-」が 1,048,575 行すべて (SXSSF の書き方)", full, Expect.REJECTED);
	}

	// ---- the same bytes twice more, newer, under other names and folders ----------------------------------

	private void resent() throws IOException {
		byte[] isec = Files.readAllBytes(input.resolve(VALID_ISEC));
		add("同じバイトの再送 (別名)", "53期_ISEC_情報セキュリティ部_再送.xlsx", Expect.SKIPPED, isec);
		add("同じバイトを別のサブフォルダに", "情報セキュリティ部/53期_ISEC_情報セキュリティ部.xlsx", Expect.SKIPPED, isec);
	}

	// ---- building blocks ------------------------------------------------------------------------------------

	/** A department's sample submission (the template, filled in), changed, as bytes. */
	static byte[] submission(String department, Consumer<XSSFWorkbook> change) {
		try (XSSFWorkbook wb = SampleWorkbooks.filled(department)) {
			change.accept(wb);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			wb.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A department's sample submission saved with a password, the way Excel encrypts (agile). */
	private static byte[] encrypted(String department) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			Encryptor encryptor;
			try {
				encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
				encryptor.confirmPassword("secret-password");
				try (OutputStream data = encryptor.getDataStream(fs)) {
					data.write(submission(department, wb -> {
					}));
				}
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			fs.writeFilesystem(bytes);
			return bytes.toByteArray();
		}
	}

	static Cell cell(XSSFWorkbook wb, String reference) {
		CellReference ref = new CellReference(reference);
		Sheet sheet = wb.getSheet(ref.getSheetName());
		Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
		return row.getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
	}

	private void add(String what, String name, Expect expect, byte[] bytes) throws IOException {
		Path file = file(name);
		Files.write(file, bytes);
		received(what, file, expect);
	}

	private Path file(String name) throws IOException {
		Path file = input.resolve(name);
		Files.createDirectories(file.getParent());
		return file;
	}

	private void received(String what, Path file, Expect expect) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(tick()));
		cases.add(new Case(what, file, expect));
	}

	private Instant tick() {
		clock = clock.plus(Duration.ofMinutes(1));
		return clock;
	}

	/** The zip with one entry's text changed; every other entry copied as it is. */
	static byte[] rewrite(byte[] zip, String entry, UnaryOperator<String> change) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes); ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			boolean found = false;
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				byte[] content = in.readAllBytes();
				if (e.getName().equals(entry)) {
					content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
					found = true;
				}
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(content);
				out.closeEntry();
			}
			if (!found) {
				throw new IllegalArgumentException("no entry " + entry);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void copyEntries(byte[] zip, ZipOutputStream out, java.util.function.Predicate<String> which)
			throws IOException {
		try (InputStream in0 = new ByteArrayInputStream(zip); ZipInputStream in = new ZipInputStream(in0)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (which.test(e.getName())) {
					out.putNextEntry(new ZipEntry(e.getName()));
					in.transferTo(out);
					out.closeEntry();
				}
			}
		}
	}

	/**
	 * Writes the zip to {@code file} with XML inserted into one entry before the first {@code anchor}: streamed,
	 * for parts too large to build as one string.
	 */
	private static void insert(byte[] zip, String entry, String anchor, Path file, Consumer<Appender> body) throws IOException {
		String xml = entryText(zip, entry);
		int at = xml.indexOf(anchor);
		try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
			out.setLevel(1);
			copyEntries(zip, out, name -> !name.equals(entry));
			out.putNextEntry(new ZipEntry(entry));
			Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			writer.write(xml, 0, at);
			body.accept(new Appender(writer));
			writer.write(xml.substring(at));
			writer.flush();
			out.closeEntry();
		}
	}

	/** Appends to a streamed zip entry; I/O errors are unexpected in a test's temporary folder. */
	static final class Appender {

		private final Writer writer;

		Appender(Writer writer) {
			this.writer = writer;
		}

		Appender append(Object text) {
			try {
				writer.write(String.valueOf(text));
				return this;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** The zip entry of a sheet, found through workbook.xml and its relationships. */
	static String sheetPart(byte[] zip, String sheetName) {
		String workbook = entryText(zip, "xl/workbook.xml");
		Matcher sheet = Pattern.compile("<sheet [^>]*name=\"" + Pattern.quote(sheetName) + "\"[^>]*r:id=\"([^\"]+)\"").matcher(workbook);
		if (!sheet.find()) {
			throw new IllegalArgumentException("no sheet " + sheetName);
		}
		String rels = entryText(zip, "xl/_rels/workbook.xml.rels");
		Matcher target = Pattern.compile("<Relationship [^>]*Id=\"" + Pattern.quote(sheet.group(1)) + "\"[^>]*Target=\"([^\"]+)\"")
			.matcher(rels);
		if (!target.find()) {
			// attribute order differs between writers
			target = Pattern.compile("<Relationship [^>]*Target=\"([^\"]+)\"[^>]*Id=\"" + Pattern.quote(sheet.group(1)) + "\"")
				.matcher(rels);
			target.find();
		}
		String path = target.group(1);
		return path.startsWith("/") ? path.substring(1) : "xl/" + path;
	}

	private static String entryText(byte[] zip, String entry) {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				if (e.getName().equals(entry)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalArgumentException("no entry " + entry);
	}

	/** The XML with a DOCTYPE right after its declaration. */
	private static String withDoctype(String xml, String doctype) {
		int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
		return xml.substring(0, end) + doctype + xml.substring(end);
	}

}
