/**
 * The command line: the commands with their usage and store use, parsed before and after Spring starts, and
 * dispatched to the package of each command.
 */
package jp.csr.review.cli;
