package org.guestpass;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * GuestPass: share one media item with people outside the platform through guest links.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GuestPassApplication {

	public static void main(String[] args) {
		SpringApplication.run(GuestPassApplication.class, args);
	}

}
