package jp.csr.review.console;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StoreOptionTest {

	@Test
	void theSharedStoreTypedOnTheCommandLineIsRepeatedButItsPasswordNever() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--spring.datasource.url=jdbc:postgresql://db.example/review",
					"--spring.datasource.username=review", "--spring.datasource.password=s3cret"));

		String option = StoreOption.of(environment, Path.of("/srv/review/store"));

		assertThat(option).isEqualTo(" --spring.datasource.url=jdbc:postgresql://db.example/review"
				+ " --spring.datasource.username=review --spring.datasource.password='<パスワード>'")
			.doesNotContain("s3cret");
	}

	@Test
	void whatAConfigurationFileSaysIsNotRepeated() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("Config resource 'file [config/application.yml]'",
					Map.of("spring.datasource.url", "jdbc:postgresql://db.example/review", "spring.datasource.password", "s3cret")));

		assertThat(StoreOption.of(environment, Path.of("/srv/review/store"))).isEmpty();
	}

}
