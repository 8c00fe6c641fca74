package jp.csr.review.plan;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** A row of the plan's {@code 部署} sheet. */
public record Department(String code, String name, String contact) implements Serializable {

	/**
	 * The addresses of {@code 連絡先} (PRODUCT.md §1): separated by {@code ,} {@code ;} {@code 、} or line breaks
	 * (white space too: an address has none, and the plan's reader folds line breaks into spaces).
	 */
	public List<String> addresses() {
		if (contact == null) {
			return List.of();
		}
		return Arrays.stream(contact.split("[,;、，；\\s]+")).filter(a -> !a.isEmpty()).distinct().toList();
	}

}
