/**
 * The {@code next-term} command: next term's plan workbook from this term's plan and results.
 */
package jp.csr.review.nextterm;
