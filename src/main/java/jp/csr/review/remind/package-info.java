/**
 * The {@code remind} command: mails to departments that have not submitted or were sent back, at most one of a kind
 * a day.
 */
package jp.csr.review.remind;
