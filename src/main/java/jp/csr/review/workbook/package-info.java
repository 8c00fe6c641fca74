/**
 * Reading and writing workbooks: the one way to open a workbook (streamed, else POI's usermodel, within limits),
 * cells, numbers and atomic replacement of a file.
 */
package jp.csr.review.workbook;
