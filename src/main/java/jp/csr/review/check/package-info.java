/**
 * The {@code check} command: the store's integrity checked and what is safe repaired.
 */
package jp.csr.review.check;
