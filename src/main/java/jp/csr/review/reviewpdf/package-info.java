/**
 * The review's PDF: 振り返り drawn on A3 landscape pages in an embedded Japanese font.
 */
package jp.csr.review.reviewpdf;
