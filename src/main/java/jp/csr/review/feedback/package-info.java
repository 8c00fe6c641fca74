/**
 * The annotated copies of rejected files: the department's own workbook with every issue marked at its cell and
 * listed on a first sheet.
 */
package jp.csr.review.feedback;
