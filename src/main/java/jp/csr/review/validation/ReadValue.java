package jp.csr.review.validation;

import java.math.BigDecimal;

/**
 * A 実績 or 進捗 as read.
 *
 * @param text the word, or the number as the review prints it
 * @param number the number when the value is one, else null
 */
record ReadValue(String text, BigDecimal number) {
}
