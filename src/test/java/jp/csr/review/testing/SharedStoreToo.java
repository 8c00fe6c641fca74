package jp.csr.review.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class, or a test method, that runs again on the shared store (PRODUCT.md §10): the surefire execution
 * {@code postgresql} selects the tests tagged so and runs them with {@code -Dreview.test.store=postgresql}, each
 * test's store a new database of a real PostgreSQL server ({@link jp.csr.review.TestStore}). The default execution
 * runs them on SQLite, with every other test. On a method: of a class whose other tests do the same on either
 * store (help, a typo, a schedule), only the tests whose outcome the store decides run again.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(SharedStoreToo.TAG)
public @interface SharedStoreToo {

	/** The tag the pom's {@code postgresql} execution selects ({@code <groups>}). */
	String TAG = "postgresql";

}
