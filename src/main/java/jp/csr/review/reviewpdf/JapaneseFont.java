package jp.csr.review.reviewpdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The Japanese font the review's PDF embeds: {@code review.pdf.font}, else one found on the system.
 *
 * <p>PDFBox embeds and subsets fonts with TrueType outlines only. A CFF-flavoured OpenType font (Noto Sans CJK,
 * Source Han Sans, what {@code fc-match :lang=ja} often answers) loads, then fails when the document is
 * saved; so a font is opened and checked here, before anything is written: TrueType outlines, and the glyphs
 * every review prints.
 */
public final class JapaneseFont {

	/**
	 * System property, for tests: {@code false} looks for no font on the system, as on a machine without one.
	 * Not a setting: an admin sets {@code review.pdf.font}.
	 */
	static final String DISCOVERY = "jp.csr.review.pdf.font-discovery";

	static final Path EXAMPLE = Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");

	/**
	 * Where Japanese fonts with TrueType outlines are installed: Debian's and Ubuntu's packages (fonts-ipaexfont,
	 * its alternatives link, fonts-ipafont, fonts-takao, fonts-vlgothic), Fedora's, Windows'.
	 */
	private static final List<Path> WELL_KNOWN = List.of(EXAMPLE,
			Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
			Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
			Path.of("/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf"),
			Path.of("/usr/share/fonts/truetype/vlgothic/VL-Gothic-Regular.ttf"),
			Path.of("/usr/share/fonts/ipa-gothic/ipag.ttf"), Path.of("/usr/share/fonts/vlgothic/VL-Gothic-Regular.ttf"),
			Path.of("C:/Windows/Fonts/YuGothR.ttc"), Path.of("C:/Windows/Fonts/meiryo.ttc"),
			Path.of("C:/Windows/Fonts/msgothic.ttc"));

	/** Glyphs every review prints (the title, the marks): a font without them is no Japanese font. */
	private static final String REQUIRED = "行動計画振り返り◎○△";

	private static final String NONE = "日本語フォントが見つからないため作成しませんでした。review.pdf.font にフォントファイル (例: " + EXAMPLE
			+ ") を指定してください";

	private JapaneseFont() {
	}

	/**
	 * A usable font ({@code file}, and {@code member}, the font's name inside a {@code .ttc}), or why there is
	 * none ({@code problem}, the console's line).
	 */
	public record Choice(Path file, String member, String problem) {

		public boolean usable() {
			return problem == null;
		}

		/** What a PDF written with this choice depends on: another font (or none) makes another PDF. */
		public String identity() {
			if (!usable()) {
				return "none: " + problem;
			}
			try {
				return file.toAbsolutePath() + "#" + member + " " + Files.size(file) + " "
						+ Files.getLastModifiedTime(file).toMillis();
			}
			catch (IOException ex) {
				return "unreadable: " + file;
			}
		}

	}

	/** @param configured {@code review.pdf.font}; null: look on the system */
	public static Choice find(Path configured) {
		if (configured != null) {
			Choice choice = examine(configured);
			return choice.usable() ? choice
					: new Choice(null, null, "review.pdf.font のフォント " + configured + " を使えないため作成しませんでした ("
							+ choice.problem() + ")。TrueType アウトラインの日本語フォント (例: " + EXAMPLE + ") を指定してください");
		}
		if ("false".equals(System.getProperty(DISCOVERY))) {
			return new Choice(null, null, NONE);
		}
		Set<Path> candidates = new LinkedHashSet<>();
		// the font fontconfig gives Japanese text, TrueType first: its plain answer is often a CFF font
		fcMatch(":lang=ja:fontformat=TrueType").ifPresent(candidates::add);
		fcMatch(":lang=ja").ifPresent(candidates::add);
		candidates.addAll(WELL_KNOWN);
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				Choice choice = examine(candidate);
				if (choice.usable()) {
					return choice;
				}
			}
		}
		return new Choice(null, null, NONE);
	}

	/** The font in the file, or why it cannot serve. */
	private static Choice examine(Path file) {
		try (Opened opened = open(file)) {
			return opened.font != null ? new Choice(file, opened.member, null) : new Choice(null, null, opened.problem);
		}
		catch (NoSuchFileException ex) {
			return new Choice(null, null, "ファイルがありません");
		}
		catch (IOException | RuntimeException ex) {
			return new Choice(null, null, "フォントとして読めません: " + ex.getClass().getSimpleName());
		}
	}

	/** The chosen font, opened; close it after the document that embeds it is saved (subsetting reads it then). */
	static Opened open(Choice choice) throws IOException {
		Opened opened = open(choice.file());
		if (opened.font == null) {
			opened.close();
			throw new IOException(choice.file() + ": " + opened.problem);
		}
		return opened;
	}

	private static Opened open(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new NoSuchFileException(file.toString());
		}
		String tag = tag(file);
		if ("ttcf".equals(tag)) {
			TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
			List<String> problems = new ArrayList<>();
			TrueTypeFont[] found = new TrueTypeFont[1];
			collection.processAllFonts(font -> {
				String problem = found[0] == null ? problem(font) : "";
				if (problem == null) {
					found[0] = font;
				}
				else {
					problems.add(problem);
				}
			});
			return found[0] == null
					? new Opened(collection, null, null, problems.isEmpty() ? "フォントがありません" : problems.get(0))
					: new Opened(collection, found[0], found[0].getName(), null);
		}
		TrueTypeFont font = ("OTTO".equals(tag) ? new OTFParser() : new TTFParser())
			.parse(new RandomAccessReadBufferedFile(file.toFile()));
		String problem = problem(font);
		return new Opened(font, problem == null ? font : null, null, problem);
	}

	private static String problem(TrueTypeFont font) throws IOException {
		if (font instanceof OpenTypeFont otf && otf.isPostScript() || font.getGlyph() == null) {
			return "CFF アウトラインのフォントは埋め込めません";
		}
		CmapLookup cmap = font.getUnicodeCmapLookup(false);
		if (cmap == null || REQUIRED.codePoints().anyMatch(cp -> cmap.getGlyphId(cp) == 0)) {
			return "日本語の文字がありません";
		}
		return null;
	}

	private static String tag(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
		}
	}

	private static Optional<Path> fcMatch(String pattern) {
		try {
			Process process = new ProcessBuilder("fc-match", "-f", "%{file}", pattern).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
				process.destroy();
				return Optional.empty();
			}
			return Optional.of(Path.of(out));
		}
		catch (IOException | RuntimeException ex) {
			// no fontconfig (Windows, a minimal image): the well-known paths remain
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** An open font file: what closes it ({@code owner}) and the font to embed, or why there is none. */
	static final class Opened implements Closeable {

		private final Closeable owner;

		final TrueTypeFont font;

		final String member;

		final String problem;

		Opened(Closeable owner, TrueTypeFont font, String member, String problem) {
			this.owner = owner;
			this.font = font;
			this.member = member;
			this.problem = problem;
		}

		@Override
		public void close() throws IOException {
			owner.close();
		}

	}

}
