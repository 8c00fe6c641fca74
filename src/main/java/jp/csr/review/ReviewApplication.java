package jp.csr.review;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(ReviewApplication.class, args)));
	}

}
