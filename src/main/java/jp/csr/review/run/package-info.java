/**
 * A consolidation run: the job that wires the four steps, started and restarted under the run lock, and what its
 * end prints.
 */
package jp.csr.review.run;
