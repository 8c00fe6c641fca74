/**
 * The submission workbook's form: its sheet names, columns and words, and the marks its 進捗 words give, shared by
 * the template and the checks.
 */
package jp.csr.review.form;
