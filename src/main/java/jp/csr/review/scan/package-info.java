/**
 * The scan step: the input folder listed, oldest first, each file with its SHA-256 and what becomes of it.
 */
package jp.csr.review.scan;
