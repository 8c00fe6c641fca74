package jp.csr.review;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewApplication {

	public static void main(String[] args) {
		int exit;
		try {
			exit = SpringApplication.exit(SpringApplication.run(ReviewApplication.class, args));
		}
		catch (RuntimeException ex) {
			// the context did not start: bad configuration (PRODUCT.md §7 exit code 2); Boot has logged why
			exit = 2;
		}
		System.exit(exit);
	}

}
