package jp.csr.review.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jp.csr.review.workbook.WorkbookLimits.Excess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a workbook file is opened for reading. Its format is told from its bytes first ({@link FileFormat}):
 * one no reader opens is not opened. An OOXML workbook ({@code .xlsx}, {@code .xlsm}) is streamed
 * ({@link StreamedWorkbook}): in a fraction of the usermodel's time and memory; an OpenDocument spreadsheet is
 * streamed by its own reader ({@link OdsWorkbook}). Anything else ({@code .xls}, an
 * encrypted or broken file, what is no workbook) and whatever the streaming reader does not read as the usermodel
 * would, POI's usermodel opens: it reads the file or says why not, in the words the department knows.
 */
public final class WorkbookOpener {

	private static final Logger log = LoggerFactory.getLogger(WorkbookOpener.class);

	/** Opens a workbook file with POI's usermodel. */
	@FunctionalInterface
	public interface Usermodel {

		Workbook open(Path file) throws IOException;

	}

	/** Read-only: nothing is saved, and a failure to let go of the file changes no answer. */
	public static final Usermodel READ_ONLY = file -> WorkbookFactory.create(file.toFile(), null, true);

	private static final WorkbookOpener STREAMING = new WorkbookOpener(READ_ONLY, true);

	private final Usermodel usermodel;

	private final boolean streaming;

	private WorkbookOpener(Usermodel usermodel, boolean streaming) {
		this.usermodel = usermodel;
		this.streaming = streaming;
	}

	/** Streams what it can, and opens the rest read-only with the usermodel. */
	public static WorkbookOpener streaming() {
		return STREAMING;
	}

	/**
	 * Opens every file with {@code usermodel}, never streamed: lets a test fail a read the way a bug would, or read
	 * a file with the usermodel alone to compare.
	 */
	public static WorkbookOpener usermodelOnly(Usermodel usermodel) {
		return new WorkbookOpener(usermodel, false);
	}

	/** What came of opening a submission: its sheets, a sheet over the limits, or the usermodel's refusal. */
	public sealed interface Submission {

		/** Every sheet in workbook order. */
		record Read(List<Grid> sheets) implements Submission {
		}

		/** The first sheet over {@link WorkbookLimits}; nothing was read past it. */
		record OverLimits(Excess excess) implements Submission {
		}

		/** What the usermodel threw opening the file: encrypted, a zip bomb, no workbook at all. */
		record Unopened(Exception failure) implements Submission {
		}

		/** A file in a format no reader of the product opens (told from its bytes): not opened. */
		record Unsupported(FileFormat format) implements Submission {
		}

	}

	/**
	 * A department's submission, held to {@link WorkbookLimits}: counted while streamed, or counted before the
	 * usermodel opens it, since a sheet filled to the last row would take the usermodel minutes and gigabytes.
	 * What goes wrong reading an opened workbook is thrown: that is a bug, not the department's file.
	 */
	public Submission submission(Path file) {
		return submission(file, name -> true);
	}

	/**
	 * As {@link #submission(Path)}, reading and limiting only the sheets whose normalised name {@code wanted} accepts:
	 * a sheet of the department's own (raw data pasted as evidence) is there by its name alone.
	 */
	public Submission submission(Path file, Predicate<String> wanted) {
		FileFormat format = FileFormat.of(file);
		if (!format.readable()) {
			return new Submission.Unsupported(format);
		}
		if (format == FileFormat.ODS) {
			try {
				StreamedWorkbook ods = OdsWorkbook.read(file, true);
				return ods.excess().<Submission>map(Submission.OverLimits::new)
					.orElseGet(() -> new Submission.Read(ods.sheets()));
			}
			catch (IOException | RuntimeException ex) {
				return new Submission.Unopened(ex);
			}
		}
		Optional<StreamedWorkbook> streamed = streamed(file, f -> StreamedWorkbook.read(f, wanted));
		if (streamed.isPresent()) {
			return streamed.get().excess().<Submission>map(Submission.OverLimits::new)
				.orElseGet(() -> new Submission.Read(streamed.get().sheets()));
		}
		Optional<Excess> excess = WorkbookLimits.check(file, wanted);
		if (excess.isPresent()) {
			return new Submission.OverLimits(excess.get());
		}
		Workbook workbook;
		try {
			workbook = usermodel.open(file);
		}
		catch (IOException | RuntimeException ex) {
			return new Submission.Unopened(ex);
		}
		try {
			return new Submission.Read(Grids.of(workbook, wanted));
		}
		finally {
			close(workbook, file);
		}
	}

	/**
	 * The names of the sheets, in workbook order, when they can be known without reading the cells: of an
	 * {@code .xls}, which POI's usermodel reads whole before it tells anything. Empty otherwise: reading the file
	 * tells them as fast.
	 */
	public Optional<List<String>> sheetNames(Path file) {
		if (!streaming || FileFormat.of(file) != FileFormat.OLE2) {
			return Optional.empty();
		}
		return XlsSheetNames.of(file);
	}

	/** What came of opening a workbook to rework a copy of it. */
	public sealed interface Editable {

		/** Opened in memory from the file's bytes: saving it writes elsewhere, never the file. */
		record Opened(Workbook workbook) implements Editable {
		}

		/** The first sheet over {@link WorkbookLimits}: not opened. */
		record OverLimits(Excess excess) implements Editable {
		}

		/** What the usermodel threw opening the file: encrypted, no workbook at all. */
		record Unopened(Exception failure) implements Editable {
		}

		/** A workbook the product reads but POI cannot rework: an OpenDocument spreadsheet. */
		record Foreign(FileFormat format) implements Editable {
		}

	}

	/**
	 * A workbook to rework (the annotated copy of a rejected file), held to {@link WorkbookLimits} before POI's
	 * usermodel opens it, since a sheet filled to the last row would take the usermodel minutes and gigabytes. Every
	 * row and cell counts here, empty formatted ones too ({@link WorkbookLimits#checkEditable}): the usermodel opens
	 * every sheet, those the checks never read as well.
	 */
	public static Editable editable(Path file) throws IOException {
		if (FileFormat.of(file) == FileFormat.ODS) {
			return new Editable.Foreign(FileFormat.ODS);
		}
		// values first: a sheet of values copied down to the last row is told as such
		Optional<Excess> excess = WorkbookLimits.checkEditable(file);
		if (excess.isPresent()) {
			return new Editable.OverLimits(excess.get());
		}
		try (InputStream in = Files.newInputStream(file)) {
			return new Editable.Opened(WorkbookFactory.create(in));
		}
		catch (IOException | RuntimeException ex) {
			return new Editable.Unopened(ex);
		}
	}

	/**
	 * Every sheet in workbook order, however large: the plan, whose KPI sheet of a large group is over the limits
	 * of a department's submission.
	 *
	 * @throws IOException or a runtime exception: what the usermodel throws when it cannot open the file
	 */
	public List<Grid> whole(Path file) throws IOException {
		if (FileFormat.of(file) == FileFormat.ODS) {
			return OdsWorkbook.read(file, false).sheets();
		}
		Optional<List<Grid>> streamed = streamed(file, StreamedWorkbook::readWhole);
		return streamed.isPresent() ? streamed.get() : usermodel(file);
	}

	/**
	 * The sheets, each read when asked for by name ({@link Sheets}): a large group's plan does not fit a small heap
	 * as a whole.
	 *
	 * @throws IOException or a runtime exception: what the usermodel throws when it cannot open the file
	 */
	public Sheets sheets(Path file) throws IOException {
		if (FileFormat.of(file) == FileFormat.ODS) {
			return new Sheets(OdsWorkbook.read(file, false).sheets());
		}
		Optional<StreamedWorkbook.Opened> streamed = streamed(file, StreamedWorkbook.Opened::of);
		return streamed.isPresent() ? new Sheets(file, streamed.get(), this) : new Sheets(usermodel(file));
	}

	/** Every sheet, read by the usermodel, which throws what it throws for a file it cannot open. */
	List<Grid> usermodel(Path file) throws IOException {
		try (Workbook workbook = usermodel.open(file)) {
			return Grids.of(workbook);
		}
	}

	/** A reading of the streaming reader, for a file of which the streaming reader reads that much. */
	@FunctionalInterface
	private interface StreamedRead<T> {

		T read(Path file) throws Exception;

	}

	/**
	 * Empty for what is no OOXML workbook, and for whatever the streaming reader leaves to the usermodel: that reads
	 * it, or says why not (encrypted, a zip bomb, broken).
	 */
	private <T> Optional<T> streamed(Path file, StreamedRead<T> read) {
		if (!streaming) {
			return Optional.empty();
		}
		try {
			if (FileMagic.valueOf(file.toFile()) != FileMagic.OOXML) {
				return Optional.empty();
			}
			return Optional.of(read.read(file));
		}
		catch (Exception ex) {
			fellBack(file, ex);
			return Optional.empty();
		}
	}

	static void fellBack(Path file, Exception ex) {
		log.debug("{}: read with POI's usermodel instead of streamed ({})", file, ex.toString());
	}

	/** Opened read-only: nothing to save, and a failure to let go of it changes no answer. */
	private static void close(Workbook workbook, Path file) {
		try {
			workbook.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("{}: closing the workbook failed", file, ex);
		}
	}

}
