/**
 * The {@code daemon} command: the consolidation and the reminders on their schedules until a signal stops it.
 */
package jp.csr.review.daemon;
