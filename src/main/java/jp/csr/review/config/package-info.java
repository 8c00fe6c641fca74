/**
 * The settings every stage reads ({@code review.*}), the ones a run keeps in its job parameters, and the build that
 * made the running code.
 */
package jp.csr.review.config;
