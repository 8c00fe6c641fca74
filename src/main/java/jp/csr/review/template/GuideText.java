package jp.csr.review.template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the 記入方法 sheet, kept in {@value #RESOURCE} so they can be reworded without touching code;
 * the file itself says how it is written. Read once, on first use: a file that does not parse fails the first
 * workbook rather than handing a department a guide with holes in it.
 */
final class GuideText {

	static final String RESOURCE = "/template/guide.txt";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

	private static final int COLUMNS = 3;

	private final List<String> header;

	private final List<List<String>> rows;

	private final Map<String, String> fragments;

	private GuideText(List<String> header, List<List<String>> rows, Map<String, String> fragments) {
		this.header = header;
		this.rows = rows;
		this.fragments = fragments;
	}

	static GuideText get() {
		return Loaded.TEXT;
	}

	/** The column labels, as written. */
	List<String> header() {
		return header;
	}

	/** The rows below the header, every {@code ${name}} filled from {@code values}. */
	List<List<String>> rows(Map<String, String> values) {
		return rows.stream().map(row -> row.stream().map(cell -> fill(cell, values)).toList()).toList();
	}

	/** The {@code @name} part, filled from {@code values}. */
	String fragment(String name, Map<String, String> values) {
		String fragment = fragments.get(name);
		if (fragment == null) {
			throw new IllegalStateException(RESOURCE + " に @" + name + " がありません");
		}
		return fill(fragment, values);
	}

	private static String fill(String text, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(text);
		return m.replaceAll(found -> {
			String value = values.get(found.group(1));
			if (value == null) {
				throw new IllegalStateException(RESOURCE + " の ${" + found.group(1) + "} は差し込めません: " + text);
			}
			return Matcher.quoteReplacement(value);
		});
	}

	static GuideText parse(List<String> lines) {
		List<List<String>> table = new ArrayList<>();
		Map<String, String> fragments = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t", -1);
			if (line.startsWith("@") && cells.length == 2) {
				fragments.put(cells[0].substring(1), cells[1]);
			}
			else if (cells.length == COLUMNS) {
				table.add(List.of(cells));
			}
			else {
				throw new IllegalStateException(RESOURCE + " の " + (i + 1) + "行目はタブ区切りの " + COLUMNS + "列ではありません: " + line);
			}
		}
		if (table.isEmpty()) {
			throw new IllegalStateException(RESOURCE + " に見出しの行がありません");
		}
		return new GuideText(table.get(0), List.copyOf(table.subList(1, table.size())), Map.copyOf(fragments));
	}

	private static final class Loaded {

		static final GuideText TEXT = load();

		private static GuideText load() {
			InputStream in = GuideText.class.getResourceAsStream(RESOURCE);
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " がクラスパスにありません");
			}
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				return parse(reader.lines().toList());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
