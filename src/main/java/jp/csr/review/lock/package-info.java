/**
 * One run at a time per store: an OS file lock beside a SQLite store, an advisory lock on a PostgreSQL one.
 */
package jp.csr.review.lock;
