/**
 * The review's content, computed once per run from the store and the plan, for every format that renders it.
 */
package jp.csr.review.content;
