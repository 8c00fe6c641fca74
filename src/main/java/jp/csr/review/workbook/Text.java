package jp.csr.review.workbook;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** PRODUCT.md §4: labels and text values are compared after NFKC, trimming and folding white space. */
public final class Text {

	private static final Pattern SPACES = Pattern.compile("[\\s\\u3000\\u00A0]+");

	private Text() {
	}

	/** NFKC, trimmed, runs of white space folded to one space (line breaks included). */
	public static String normalize(String raw) {
		if (raw == null) {
			return "";
		}
		String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		return SPACES.matcher(nfkc).replaceAll(" ").strip();
	}

	/**
	 * Free text (highlights, notes) is printed as the department wrote it, so it is not NFKC-folded:
	 * only line endings are unified and each line's trailing blanks dropped.
	 */
	public static String freeText(String raw) {
		if (raw == null) {
			return "";
		}
		String unified = raw.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder out = new StringBuilder();
		for (String line : unified.split("\n", -1)) {
			if (out.length() > 0) {
				out.append('\n');
			}
			out.append(line.stripTrailing());
		}
		return out.toString().strip();
	}

	public static boolean isBlank(String raw) {
		return normalize(raw).isEmpty();
	}

}
