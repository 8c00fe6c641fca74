package jp.csr.review.operations;

/**
 * What {@code ./review check} runs (PRODUCT.md §7: 0 healthy · 3 problems found). The store check of issue 9
 * item 7 implements it as a bean; {@link Commands} only declares the command.
 */
@FunctionalInterface
interface StoreCheckHook {

	ExitCode check() throws Exception;

}
