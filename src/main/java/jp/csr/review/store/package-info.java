/**
 * The store: the database (SQLite or PostgreSQL) with its schema, the archived bytes of every file, backups and
 * what keeps it usable.
 */
package jp.csr.review.store;
