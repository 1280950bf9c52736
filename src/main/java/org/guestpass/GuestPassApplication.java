package org.guestpass;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GuestPass: share one media item with people outside the platform through guest links.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GuestPassApplication {

	public static void main(String[] args) {
		SpringApplication.run(GuestPassApplication.class, args);
	}

}
