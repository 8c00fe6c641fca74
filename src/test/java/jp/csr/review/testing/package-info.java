/**
 * What several test classes share about running the application for real: starting it as a child JVM on folders
 * of its own, and the tag of the tests that run again on the shared PostgreSQL store.
 */
package jp.csr.review.testing;
