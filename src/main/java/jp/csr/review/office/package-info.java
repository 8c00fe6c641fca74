/**
 * The office's review (事務局確認, PRODUCT.md §11): the decision workbook each run writes, and the step that reads
 * the office's filled-in copies and records their decisions.
 */
package jp.csr.review.office;
