/**
 * The nightly consolidation of departments' action-plan submissions into the group's review (行動計画振り返り): the  *
 * application's entry point; each stage and command has a package of its own.
 */
package jp.csr.review;
