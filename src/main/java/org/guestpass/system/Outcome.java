package org.guestpass.system;

import java.util.function.Function;

/**
 * What a use case produced, or why it was refused: the one result type of every service
 * that may say no. Ask {@link #isRefused()}, or match {@link Done} and {@link Refused}
 * with {@code instanceof} (Java 17 has no pattern {@code switch}).
 *
 * @param <T> what the use case produces
 */
public sealed interface Outcome<T> {

	static <T> Outcome<T> done(T value) {
		return new Done<>(value);
	}

	static <T> Outcome<T> refused(Refusal refusal) {
		return new Refused<>(refusal);
	}

	default boolean isRefused() {
		return this instanceof Refused<T>;
	}

	/** The refusal, or null when the use case was done. */
	default Refusal refusal() {
		return (this instanceof Refused<T> refused) ? refused.refusal() : null;
	}

	/** The value produced; throws when the outcome was refused. */
	default T value() {
		if (this instanceof Done<T> done) {
			return done.value();
		}
		throw new IllegalStateException("Refused: " + refusal().code());
	}

	/** The same outcome with its value mapped; a refusal stays as it is. */
	default <U> Outcome<U> map(Function<? super T, ? extends U> mapping) {
		if (this instanceof Done<T> done) {
			return Outcome.done(mapping.apply(done.value()));
		}
		return Outcome.refused(refusal());
	}

	/** The use case was done and produced this value. */
	record Done<T>(T value) implements Outcome<T> {
	}

	/** The use case was refused, for this reason; nothing changed. */
	record Refused<T>(Refusal refusal) implements Outcome<T> {

		public Refused {
			if (refusal == null) {
				throw new IllegalArgumentException("A refused outcome needs its refusal");
			}
		}

	}

}
