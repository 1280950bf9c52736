package org.guestpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WrapsDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Finds controls as assistive technology does: by the role and the accessible name that
 * Chromium computes for its accessibility tree (Chrome DevTools Protocol's
 * Accessibility.queryAXTree), never by tag, class or attribute. What the tree ignores
 * (hidden, inert) is not found.
 */
public final class Accessible {

	private Accessible() {
	}

	/**
	 * The controls with this role and this accessible name, in the page or in an element.
	 */
	public static By role(String role, String name) {
		return new ByRole(role, name);
	}

	/**
	 * The accessibility tree's node for the one control with this role and name: its
	 * "role", "name" and "properties" (such as hasPopup and expanded) as Chromium reports
	 * them.
	 */
	public static Map<String, Object> node(WebDriver driver, String role, String name) {
		List<Map<String, Object>> nodes = query(driver, null, role, name);
		if (nodes.size() != 1) {
			throw new NoSuchElementException("Expected one " + role + " named \"" + name
					+ "\" in the accessibility tree, found " + nodes.size());
		}
		return nodes.get(0);
	}

	/** A property of an accessibility tree node, such as "hasPopup" or "expanded". */
	@SuppressWarnings("unchecked")
	public static Object property(Map<String, Object> node, String name) {
		List<Map<String, Object>> properties = (List<Map<String, Object>>) node.getOrDefault("properties", List.of());
		return properties.stream()
			.filter((property) -> name.equals(property.get("name")))
			.map((property) -> ((Map<String, Object>) property.get("value")).get("value"))
			.findFirst()
			.orElse(null);
	}

	/** The value of a node's "role" or "name". */
	@SuppressWarnings("unchecked")
	public static Object value(Map<String, Object> node, String key) {
		Map<String, Object> value = (Map<String, Object>) node.get(key);
		return (value != null) ? value.get("value") : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> query(WebDriver driver, WebElement within, String role, String name) {
		ChromiumDriver chromium = (ChromiumDriver) driver;
		String root = objectId(chromium, within);
		Map<String, Object> result = chromium.executeCdpCommand("Accessibility.queryAXTree",
				Map.of("objectId", root, "role", role, "accessibleName", name));
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) result.get("nodes");
		return nodes.stream().filter((node) -> !Boolean.TRUE.equals(node.get("ignored"))).toList();
	}

	/** The DevTools handle of the document or of an element Selenium found. */
	@SuppressWarnings("unchecked")
	private static String objectId(ChromiumDriver driver, WebElement within) {
		String expression = "document";
		String token = null;
		if (within != null) {
			token = UUID.randomUUID().toString();
			driver.executeScript("arguments[0].setAttribute('data-accessible-scope', arguments[1])", within, token);
			expression = "document.querySelector('[data-accessible-scope=\"" + token + "\"]')";
		}
		try {
			Map<String, Object> result = driver.executeCdpCommand("Runtime.evaluate", Map.of("expression", expression));
			return (String) ((Map<String, Object>) result.get("result")).get("objectId");
		}
		finally {
			if (token != null) {
				driver.executeScript("arguments[0].removeAttribute('data-accessible-scope')", within);
			}
		}
	}

	private static final class ByRole extends By {

		private static final String CANDIDATES = "a[href], button, input, select, textarea, summary, [role], "
				+ "h1, h2, h3, h4, dialog, table, [tabindex]";

		private final String role;

		private final String name;

		ByRole(String role, String name) {
			this.role = role;
			this.name = name;
		}

		@Override
		@SuppressWarnings("unchecked")
		public List<WebElement> findElements(SearchContext context) {
			WebDriver driver = (context instanceof WrapsDriver wraps) ? wraps.getWrappedDriver() : (WebDriver) context;
			WebElement within = (context instanceof WebElement element) ? element : null;
			if (Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.top !== window"))) {
				return inFrame(context);
			}
			ChromiumDriver chromium = (ChromiumDriver) driver;
			List<Map<String, Object>> nodes = query(driver, within, this.role, this.name);
			if (nodes.isEmpty()) {
				return List.of();
			}
			// Mark the DOM nodes behind the tree's nodes, so that Selenium can hold them.
			String token = UUID.randomUUID().toString();
			for (Map<String, Object> node : nodes) {
				Object backendNode = node.get("backendDOMNodeId");
				if (backendNode == null) {
					continue;
				}
				Map<String, Object> resolved = chromium.executeCdpCommand("DOM.resolveNode",
						Map.of("backendNodeId", backendNode));
				String objectId = (String) ((Map<String, Object>) resolved.get("object")).get("objectId");
				chromium.executeCdpCommand("Runtime.callFunctionOn", Map.of("objectId", objectId, "functionDeclaration",
						"function (token) { if (this.setAttribute) { this.setAttribute('data-accessible', token); } }",
						"arguments", List.of(Map.of("value", token))));
			}
			List<WebElement> found = new ArrayList<>(
					driver.findElements(By.cssSelector("[data-accessible=\"" + token + "\"]")));
			((JavascriptExecutor) driver).executeScript("document.querySelectorAll('[data-accessible=\"" + token
					+ "\"]').forEach((element) => element.removeAttribute('data-accessible'))");
			return found;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ByRole that && this.role.equals(that.role) && this.name.equals(that.name);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.role, this.name);
		}

		/**
		 * In a frame (an LMS's page showing GuestPass), which the DevTools tree query of
		 * the page's document does not reach: the role and the accessible name that
		 * WebDriver computes for each shown element of the frame.
		 */
		private List<WebElement> inFrame(SearchContext context) {
			return context.findElements(By.cssSelector(CANDIDATES)).stream().filter(this::matches).toList();
		}

		private boolean matches(WebElement element) {
			try {
				return this.role.equals(element.getAriaRole()) && this.name.equals(element.getAccessibleName())
						&& element.isDisplayed();
			}
			catch (StaleElementReferenceException ex) {
				// The page changed while it was read: the element is no longer there.
				return false;
			}
		}

		@Override
		public String toString() {
			return "By.role: " + this.role + " named \"" + this.name + "\"";
		}

	}

}
