package jp.csr.review.feedback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where an annotated copy goes, made safe whatever the submission says; and where earlier builds put it. */
final class CopyPlaces {

	private static final Logger log = LoggerFactory.getLogger(CopyPlaces.class);

	private static final String FOLDER = AnnotatedCopies.FOLDER;

	private static final String UNKNOWN_DEPARTMENT = AnnotatedCopies.UNKNOWN_DEPARTMENT;

	/** Linux's NAME_MAX: the longest name most file systems take, in UTF-8 bytes. */
	static final int MAX_NAME_BYTES = 255;

	/** A plan's department code is a short ID; anything longer is not one. */
	static final int MAX_CODE_BYTES = 64;

	/** Characters Windows refuses in names (the output folder may be a share). */
	private static final String RESERVED = "/\\:*?\"<>|";

	/** A department's folder under 差戻し/ once its last copy is gone: a fresh run would not have made it. */
	static void removeIfEmpty(Path folder) {
		try {
			Files.deleteIfExists(folder);
		}
		catch (DirectoryNotEmptyException ex) {
			// other copies (or the office's own files) are still there
		}
		catch (IOException ex) {
			log.debug("folder {} not removed", folder, ex);
		}
	}

	/** {@link AnnotatedCopies#target}. */
	static Path target(Path outputDir, Collection<String> departments, String departmentCode, String fileName) {
		boolean known = departmentCode != null && departments.contains(departmentCode);
		String folder = known ? folder(departmentCode) : UNKNOWN_DEPARTMENT;
		Path base = outputDir.resolve(FOLDER);
		Path target = base.resolve(folder).resolve(safeName(copyName(fileName)));
		// by construction; checked because a mistake here would let a department overwrite the review
		if (!inside(base, target)) {
			Path normalBase = base.toAbsolutePath().normalize();
			Path normalTarget = target.toAbsolutePath().normalize();
			throw new IllegalStateException("注記付きの写しの置き場所が " + normalBase + " の外になります: " + normalTarget);
		}
		return target;
	}

	/**
	 * The copy's name: the file's own, but an OpenDocument spreadsheet's copy is an Excel workbook (POI writes no
	 * {@code .ods}), named so that it meets no {@code .xlsx} of the same department.
	 */
	static String copyName(String fileName) {
		return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".ods") ? fileName + ".xlsx" : fileName;
	}

	/** Whether {@code place} is a name in a folder of {@code base}, nothing else. */
	private static boolean inside(Path base, Path place) {
		Path normalBase = base.toAbsolutePath().normalize();
		Path normalPlace = place.toAbsolutePath().normalize();
		return normalPlace.startsWith(normalBase) && normalPlace.getNameCount() == normalBase.getNameCount() + 2;
	}

	/**
	 * The places earlier builds put the copy, where they are not {@link #target}'s: up to the build of 2026-11-25 the
	 * folder was any code the cover gave (only a blank one was 部署不明) with the characters Windows refuses
	 * replaced, and the name was the file's own; a later one gave every code that can be a folder name a folder of
	 * its own. Only places inside {@code 差戻し/}: whatever a submission said, nothing outside is ever touched.
	 */
	static List<Path> earlier(Path outputDir, Collection<String> departments, String departmentCode, String fileName) {
		Path base = outputDir.resolve(FOLDER);
		Path current = target(outputDir, departments, departmentCode, fileName);
		List<Path> places = new ArrayList<>();
		String oldest = departmentCode == null || departmentCode.isBlank() ? UNKNOWN_DEPARTMENT
				: departmentCode.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		try {
			Path name = fileName == null ? null : Path.of(fileName).getFileName();
			if (name != null) {
				places.add(base.resolve(oldest).resolve(name.toString()));
			}
		}
		catch (InvalidPathException ex) {
			// a name no build could have written
		}
		places.add(base.resolve(folder(departmentCode)).resolve(safeName(fileName)));
		return places.stream().distinct().filter(p -> !p.equals(current) && inside(base, p)).toList();
	}

	/** The code as a folder name, or {@value #UNKNOWN_DEPARTMENT} when it cannot be one. */
	static String folder(String code) {
		if (code == null || code.isBlank() || code.startsWith(".") || code.indexOf('/') >= 0 || code.indexOf('\\') >= 0
				|| code.getBytes(StandardCharsets.UTF_8).length > MAX_CODE_BYTES
				|| code.codePoints().anyMatch(CopyPlaces::isControl)) {
			return UNKNOWN_DEPARTMENT;
		}
		return code.replaceAll("[:*?\"<>|]", "_");
	}

	/**
	 * The department's file name, made safe as one name in one folder: separators, characters Windows
	 * refuses and control characters become {@code _}, a leading dot too (no hidden file, no {@code ..}), and
	 * a name longer than {@value #MAX_NAME_BYTES} UTF-8 bytes is cut, keeping its extension and a short hash
	 * of the whole name so that two long names do not meet.
	 */
	static String safeName(String fileName) {
		StringBuilder safe = new StringBuilder();
		(fileName == null ? "" : fileName).codePoints()
			.forEach(cp -> safe.appendCodePoint(isControl(cp) || RESERVED.indexOf(cp) >= 0 ? '_' : cp));
		for (int i = 0; i < safe.length() && safe.charAt(i) == '.'; i++) {
			safe.setCharAt(i, '_');
		}
		String name = safe.toString();
		if (name.isBlank()) {
			name = "差戻し_" + hash(fileName == null ? "" : fileName) + ".xlsx";
		}
		if (bytes(name) <= MAX_NAME_BYTES) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && bytes(name.substring(dot)) <= 16 ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - extension.length());
		String suffix = "~" + hash(fileName);
		int room = MAX_NAME_BYTES - bytes(suffix) - bytes(extension);
		int end = 0;
		int used = 0;
		while (end < stem.length()) {
			int cp = stem.codePointAt(end);
			int size = bytes(new String(Character.toChars(cp)));
			if (used + size > room) {
				break;
			}
			used += size;
			end += Character.charCount(cp);
		}
		return stem.substring(0, end) + suffix + extension;
	}

	private static boolean isControl(int cp) {
		int type = Character.getType(cp);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
						&& Character.isISOControl(cp);
	}

	private static int bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8).length;
	}

	private static String hash(String s) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
