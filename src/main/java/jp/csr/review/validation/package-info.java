/**
 * The checks of a submission workbook against the plan, with every issue at its sheet and cell; used by the load
 * step and the {@code validate} command.
 */
package jp.csr.review.validation;
