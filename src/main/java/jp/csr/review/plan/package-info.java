/**
 * The term's plan (行動計画): its departments, materialities, commitments, KPIs and initiatives, read from the office's
 * workbook and cached.
 */
package jp.csr.review.plan;
