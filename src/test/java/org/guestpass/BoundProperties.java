package org.guestpass;

import java.util.Map;

import org.guestpass.system.GuestPassProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * GuestPass settings bound as the application binds them, from a few {@code guestpass.*}
 * properties, every other one at its default.
 */
public final class BoundProperties {

	private BoundProperties() {
	}

	public static GuestPassProperties of(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("guestpass",
				GuestPassProperties.class);
	}

}
