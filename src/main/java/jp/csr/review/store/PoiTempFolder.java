package jp.csr.review.store;

import java.io.File;

import jp.csr.review.config.ReviewProperties;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

import org.springframework.stereotype.Component;

/**
 * POI's streaming writer keeps its temporary sheets in {@code <java.io.tmpdir>/poifiles}, a folder the
 * first user to create it owns: a run started by cron as another user then failed with
 * AccessDeniedException. The store is the installation's own folder, so POI works under it.
 */
@Component
class PoiTempFolder {

	PoiTempFolder(ReviewProperties properties) {
		File folder = properties.store().resolve("tmp").toAbsolutePath().toFile();
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(folder));
	}

}
