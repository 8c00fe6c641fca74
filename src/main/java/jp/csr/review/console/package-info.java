/**
 * What an admin reads: the console's filtering and escaping, how times and store options are printed, and the exit
 * codes.
 */
package jp.csr.review.console;
