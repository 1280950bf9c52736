package org.guestpass.system;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import org.springframework.boot.jackson.JacksonComponent;

/**
 * Instants in JSON requests are ISO-8601 text, such as {@code "2030-03-01T09:30:00Z"} or
 * with an offset, {@code "2030-03-01T10:30:00+01:00"}. Anything else is refused as the
 * wrong format of its field: a number, which Jackson would otherwise read as seconds
 * since 1970 (and a huge one, such as {@code 1e400}, as 1970 itself), text of digits,
 * which it would read as milliseconds, an array or an object. An empty text is no
 * instant, as null is.
 */
@JacksonComponent
class JsonInstants extends StdScalarDeserializer<Instant> {

	JsonInstants() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (Instant) context.handleUnexpectedToken(Instant.class, parser);
		}
		String text = parser.getString().trim();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
		}
	}

}
