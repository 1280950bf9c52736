package org.guestpass.guestaccess;

/**
 * What a guest access change produced, or why it was refused.
 */
public record Outcome<T>(T value, ManagementRefusal refusal) {

	static <T> Outcome<T> done(T value) {
		return new Outcome<>(value, null);
	}

	static <T> Outcome<T> refused(ManagementRefusal refusal) {
		return new Outcome<>(null, refusal);
	}

	public boolean isRefused() {
		return this.refusal != null;
	}

}
