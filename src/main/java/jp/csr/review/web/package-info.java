/**
 * The review on the web: 振り返り as a self-contained page a company publishes, and the office's status board, both
 * rendered by Thymeleaf with every text escaped.
 */
package jp.csr.review.web;
