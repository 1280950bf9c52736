package org.guestpass;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Counts how many typed passwords the application checks against a stored hash, so a test
 * can tell how many sign-in attempts were evaluated, not only how they were answered.
 */
public class PasswordChecks implements BeanPostProcessor {

	private final AtomicInteger checks = new AtomicInteger();

	/** How many passwords were checked since the application started. */
	public int count() {
		return this.checks.get();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof PasswordEncoder encoder) ? new Counting(encoder, this.checks) : bean;
	}

	private record Counting(PasswordEncoder encoder, AtomicInteger checks) implements PasswordEncoder {

		@Override
		public String encode(CharSequence rawPassword) {
			return this.encoder.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			return this.encoder.matches(rawPassword, encodedPassword);
		}

		@Override
		public boolean upgradeEncoding(String encodedPassword) {
			return this.encoder.upgradeEncoding(encodedPassword);
		}

	}

}
