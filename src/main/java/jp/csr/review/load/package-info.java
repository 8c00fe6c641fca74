/**
 * The load step: each scanned file copied into the store, checked on several threads and written in scan order, a
 * chunk per transaction, with its console line.
 */
package jp.csr.review.load;
