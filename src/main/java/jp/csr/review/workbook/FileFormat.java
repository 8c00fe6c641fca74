package jp.csr.review.workbook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * What a dropped file is, told from its bytes (and, for a CSV, which has no signature, from its name): a workbook
 * the product reads, a workbook in a format it cannot read, or something else. Decided before any reader opens it,
 * so the department is told what its file is and what to save it as, instead of what a reader threw.
 */
public enum FileFormat {

	/** {@code .xlsx} / {@code .xlsm}, Transitional Open XML. */
	OOXML(true),

	/** {@code .xls}, Excel 97–2003 (or an encrypted OOXML workbook, which is an OLE2 file too). */
	OLE2(true),

	/** LibreOffice's OpenDocument spreadsheet. */
	ODS(true),

	/** An OpenDocument spreadsheet saved with a password. */
	ENCRYPTED_ODS(false),

	/** Excel バイナリ ブック. */
	XLSB(false),

	/** Strict Open XML スプレッドシート. */
	STRICT_OOXML(false),

	/** Excel 95 and older (BIFF2–5). */
	OLD_EXCEL(false),

	/** Apple Numbers. */
	NUMBERS(false),

	/** Comma-separated text. */
	CSV(false),

	/** Zero bytes. */
	EMPTY(false),

	/** A zip whose end is missing: a copy or a save that did not finish. */
	TRUNCATED(false),

	/** A PDF. */
	PDF(false),

	/** A Word document. */
	WORD(false),

	/** A web page (what web systems export and name {@code .xls}). */
	HTML(false),

	/** Anything else. */
	OTHER(false);

	private static final String STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/";

	private static final String ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

	private final boolean readable;

	FileFormat(boolean readable) {
		this.readable = readable;
	}

	/** A format a reader of the product opens (it may still refuse the file: broken, a password). */
	public boolean readable() {
		return readable;
	}

	/** The file's format; a file that cannot be read at all is left to the reader, which says why. */
	public static FileFormat of(Path file) {
		try {
			if (Files.size(file) == 0) {
				return EMPTY;
			}
			FileMagic magic;
			try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
				magic = FileMagic.valueOf(in);
			}
			return switch (magic) {
				case OOXML -> zip(file);
				case OLE2 -> OLE2;
				case BIFF2, BIFF3, BIFF4 -> OLD_EXCEL;
				case PDF -> PDF;
				case HTML -> HTML;
				default -> byName(file);
			};
		}
		catch (IOException ex) {
			return OLE2;
		}
	}

	/** What the file's name says, for a file without a signature this class knows. */
	private static FileFormat byName(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".tsv")) {
			return CSV;
		}
		if (name.endsWith(".rtf") || name.endsWith(".doc")) {
			return WORD;
		}
		return OTHER;
	}

	/** A zip: told by the entries it holds. */
	private static FileFormat zip(Path file) throws IOException {
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException ex) {
			// the central directory at a zip's end is what a cut copy loses first
			return TRUNCATED;
		}
		try (zip) {
			ZipEntry mimetype = zip.getEntry("mimetype");
			if (mimetype != null) {
				String type = head(zip, mimetype).strip();
				if (!type.startsWith(ODS_MIMETYPE)) {
					return type.contains("opendocument.text") ? WORD : OTHER;
				}
				ZipEntry manifest = zip.getEntry("META-INF/manifest.xml");
				return manifest != null && read(zip, manifest).contains("encryption-data") ? ENCRYPTED_ODS : ODS;
			}
			if (zip.getEntry("xl/workbook.bin") != null) {
				return XLSB;
			}
			if (zip.getEntry("Index/Document.iwa") != null || zip.stream().anyMatch(e -> e.getName().startsWith("Index/"))) {
				return NUMBERS;
			}
			if (zip.getEntry("word/document.xml") != null) {
				return WORD;
			}
			ZipEntry relations = zip.getEntry("_rels/.rels");
			if (relations != null && read(zip, relations).contains(STRICT_NAMESPACE)) {
				return STRICT_OOXML;
			}
			return OOXML;
		}
	}

	private static String head(ZipFile zip, ZipEntry entry) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(200), StandardCharsets.US_ASCII);
		}
	}

	/** A small part's text (a package's relationships, a manifest), at most 1 MB of it. */
	private static String read(ZipFile zip, ZipEntry entry) throws IOException {
		try (InputStream in = zip.getInputStream(entry)) {
			return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
		}
	}

}
