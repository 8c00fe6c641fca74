package jp.csr.review.operations;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §7 writes {@code template [--department CODE] [--out DIR]} with spaces. */
class TemplateOptionsTest {

	@Test
	void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
		Map<String, String> options = new HashMap<>();
		assertThat(TemplateCommand.options(
				new String[] { "template", "--out", "/tmp/t", "--department=ISEC", "--review.plan=x.xlsx" }, options))
			.isNull();
		assertThat(options).containsExactlyInAnyOrderEntriesOf(Map.of("out", "/tmp/t", "department", "ISEC"));
	}

	@Test
	void anUnknownArgumentOrAMissingValueIsBadUsage() {
		assertThat(TemplateCommand.options(new String[] { "template", "extra" }, new HashMap<>())).contains("extra");
		assertThat(TemplateCommand.options(new String[] { "template", "--out" }, new HashMap<>())).contains("--out");
		assertThat(TemplateCommand.options(new String[] { "template", "--colour=red" }, new HashMap<>()))
			.contains("--colour");
	}

}
