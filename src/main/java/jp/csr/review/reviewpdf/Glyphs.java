package jp.csr.review.reviewpdf;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The font's glyphs by code point, each looked up once. A character the font lacks prints as 〓 (the
 * typesetter's sign for a missing glyph) rather than failing the PDF; control characters are dropped.
 */
final class Glyphs {

	private final PDFont font;

	private final Map<Integer, Float> units = new HashMap<>();

	private final String missing;

	Glyphs(PDFont font) {
		this.font = font;
		this.missing = lookup('〓') >= 0 ? "〓" : "?";
	}

	/** Advance width in 1/1000 of the font size. */
	float units(int cp) {
		return Math.max(0, known(cp));
	}

	private boolean has(int cp) {
		return known(cp) >= 0;
	}

	/** The width, or -1 for a character without a glyph. */
	private float known(int cp) {
		Float known = units.get(cp);
		if (known == null) {
			known = lookup(cp);
			units.put(cp, known);
		}
		return known;
	}

	float width(String text, float size) {
		float sum = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			sum += units(cp);
			i += Character.charCount(cp);
		}
		return sum * size / 1000;
	}

	String printable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		String normal = text.replace("\r\n", "\n").replace('\r', '\n');
		for (int i = 0; i < normal.length();) {
			int cp = normal.codePointAt(i);
			i += Character.charCount(cp);
			if (cp == '\n') {
				out.append('\n');
			}
			else if (cp == '\t') {
				out.append(' ');
			}
			else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
				continue;
			}
			else if (!has(cp)) {
				// a variation selector or a combining mark the font lacks adds nothing legible
				if (Character.getType(cp) != Character.NON_SPACING_MARK) {
					out.append(missing);
				}
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return out.toString();
	}

	private float lookup(int cp) {
		try {
			return font.getStringWidth(new String(Character.toChars(cp)));
		}
		catch (IOException | IllegalArgumentException ex) {
			return -1;
		}
	}

}
