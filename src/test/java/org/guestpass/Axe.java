package org.guestpass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core, the accessibility checker, inside the page a test shows. axe-core comes
 * from the npm registry, installed once into {@code target/axe} at the version pinned
 * here.
 */
public final class Axe {

	static final String VERSION = "4.10.3";

	private static final Path FOLDER = Path.of("target", "axe");

	private static final Path SCRIPT = FOLDER.resolve("node_modules/axe-core/axe.min.js");

	private static String source;

	private Axe() {
	}

	/**
	 * Fails when the page, as it is now (open dialogs included), has a serious or
	 * critical violation.
	 */
	public static void assertNoSeriousViolations(WebDriver driver, String where) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(script());
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] })
					.then((results) => done(JSON.stringify(results.violations)), (error) => done('error: ' + error));
				""");
		String json = String.valueOf(result);
		assertThat(json).as("axe-core on " + where).doesNotStartWith("error");
		List<Map<String, Object>> serious = JsonPath.read(json, "$[?(@.impact in ['serious', 'critical'])]");
		assertThat(serious).as("serious or critical accessibility violations on " + where + ": " + summary(serious))
			.isEmpty();
	}

	private static String summary(List<Map<String, Object>> violations) {
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> violation : violations) {
			text.append("\n- ").append(violation.get("id")).append(": ").append(violation.get("help"));
			List<String> targets = JsonPath.read(violation, "$.nodes[*].target[0]");
			text.append(" at ").append(targets);
		}
		return text.toString();
	}

	private static synchronized String script() {
		if (source == null) {
			try {
				if (!Files.exists(SCRIPT)) {
					install();
				}
				source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}

	private static void install() throws IOException {
		Files.createDirectories(FOLDER);
		Process npm = new ProcessBuilder("npm", "install", "--prefix", FOLDER.toString(), "axe-core@" + VERSION,
				"--no-save", "--no-audit", "--no-fund", "--loglevel=error")
			.redirectErrorStream(true)
			.redirectOutput(FOLDER.resolve("npm.log").toFile())
			.start();
		try {
			if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(SCRIPT)) {
				throw new IllegalStateException("Could not install axe-core " + VERSION + " with npm; see "
						+ FOLDER.resolve("npm.log").toAbsolutePath());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
