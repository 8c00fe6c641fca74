/**
 * The judge step: every KPI judged and every initiative marked from each department's newest accepted file.
 */
package jp.csr.review.judge;
