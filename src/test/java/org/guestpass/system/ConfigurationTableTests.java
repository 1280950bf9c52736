package org.guestpass.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table and the settings GuestPass binds are the same list:
 * every {@code guestpass.*} key in the metadata the build writes (from
 * {@link GuestPassProperties}) has a description and a row under its environment
 * variable, that variable binds to the key, and the table names no variable that binds to
 * nothing.
 */
class ConfigurationTableTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(GUESTPASS_[A-Z0-9_]+)` \\| ([^|]*(?:\\\\\\|[^|]*)*) \\|",
			Pattern.MULTILINE);

	@Test
	void everySettingHasADescription() throws IOException {
		Map<String, JsonNode> settings = settings();
		assertThat(settings).isNotEmpty()
			.containsKeys("guestpass.data-dir", "guestpass.rate-limits.admissions.capacity");
		assertThat(settings)
			.allSatisfy((key, property) -> assertThat(property.path("description").asString()).as(key).isNotBlank());
	}

	@Test
	void theReadmeListsEverySettingAndNoOther() throws IOException {
		Map<String, String> documented = documentedVariables();
		List<String> variables = settings().keySet().stream().map(ConfigurationTableTests::variableOf).toList();
		assertThat(documented.keySet()).as("the README's GUESTPASS_ variables")
			.containsExactlyInAnyOrderElementsOf(variables);
	}

	@Test
	void eachDocumentedVariableBindsToItsSetting() throws IOException {
		for (String key : settings().keySet()) {
			String variable = variableOf(key);
			ConfigurationPropertySource environment = ConfigurationPropertySource
				.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of(variable, "set")));
			assertThat(environment.getConfigurationProperty(ConfigurationPropertyName.of(key)))
				.as(variable + " sets " + key)
				.isNotNull();
		}
	}

	@Test
	void aDefaultWrittenAsAValueIsTheDefaultGuestPassUses() throws IOException {
		Map<String, String> documented = documentedVariables();
		settings().forEach((key, property) -> {
			String shown = documented.get(variableOf(key));
			if (property.has("defaultValue") && shown != null && shown.matches("`[^`]*`")) {
				assertThat(shown.substring(1, shown.length() - 1)).as(key)
					.isEqualToIgnoringCase(property.get("defaultValue").asString());
			}
		});
	}

	/** The {@code guestpass.*} properties of the generated metadata, by key. */
	private static Map<String, JsonNode> settings() throws IOException {
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			Map<String, JsonNode> settings = new LinkedHashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).path("properties")) {
				String name = property.path("name").asString();
				if (name.startsWith("guestpass.")) {
					settings.put(name, property);
				}
			}
			return settings;
		}
	}

	/** The README's configuration rows for GuestPass's own variables: their default. */
	private static Map<String, String> documentedVariables() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		String table = readme.substring(readme.indexOf("## Configuration"));
		table = table.substring(0, table.indexOf("\n\n", table.indexOf("| variable |")));
		Map<String, String> documented = new LinkedHashMap<>();
		List<String> twice = new ArrayList<>();
		Matcher row = ROW.matcher(table);
		while (row.find()) {
			if (documented.put(row.group(1), row.group(2).trim()) != null) {
				twice.add(row.group(1));
			}
		}
		assertThat(twice).as("variables listed twice").isEmpty();
		return documented;
	}

	/** The environment variable of a key, as the README writes it. */
	private static String variableOf(String key) {
		return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
