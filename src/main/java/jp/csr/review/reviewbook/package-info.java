/**
 * The review workbook: a writer per sheet (振り返り, サマリー, KPI達成状況, 前期比較, 提出状況, 検証結果) over POI's streaming writer.
 */
package jp.csr.review.reviewbook;
