/**
 * The write step and its decider: the review written when anything it depends on changed, and the annotated copies
 * due on every night.
 */
package jp.csr.review.write;
