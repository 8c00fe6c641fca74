/**
 * The {@code status} command: recent runs, their steps, the terms in the store and each department's state.
 */
package jp.csr.review.status;
