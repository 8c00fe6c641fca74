package jp.csr.review.workbook;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The sheet names of an {@code .xls}, from the records before the first sheet's: what POI's usermodel would take
 * seconds to reach for a large workbook, since it reads every cell of every sheet when it opens one.
 */
final class XlsSheetNames {

	private XlsSheetNames() {
	}

	/** The names in workbook order; empty for a file whose names cannot be read so (the usermodel then says why). */
	static Optional<List<String>> of(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			try (InputStream in = root.createDocumentInputStream(HSSFWorkbook.getWorkbookDirEntryName(root))) {
				RecordFactoryInputStream records = new RecordFactoryInputStream(in, false);
				List<String> names = new ArrayList<>();
				for (Record r = records.nextRecord(); r != null && !(r instanceof EOFRecord); r = records.nextRecord()) {
					if (r instanceof BoundSheetRecord sheet) {
						names.add(sheet.getSheetname());
					}
				}
				return Optional.of(names);
			}
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

}
