/**
 * The {@code template} command: prefilled submission workbooks, one per department, locked where a department must
 * not type.
 */
package jp.csr.review.template;
