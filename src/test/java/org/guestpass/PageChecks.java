package org.guestpass;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What server-rendered pages promise people using assistive technology, and the strict
 * Content-Security-Policy, checked on the HTML as sent, parsed as a browser parses it
 * (jsoup) and read with CSS selectors.
 */
public final class PageChecks {

	private static final String CONTROLS = "input, select, textarea";

	private PageChecks() {
	}

	/** The HTML as a browser would parse it. */
	public static Document parse(String html) {
		return Jsoup.parse(html);
	}

	/** The elements of the HTML that the CSS selector matches. */
	public static Elements select(String html, String selector) {
		return parse(html).select(selector);
	}

	/**
	 * One level-one heading; every form control that a person fills in has an id and a
	 * label for it; no inline scripts, styles or event handlers.
	 */
	public static void assertAccessiblePage(String html) {
		Document page = parse(html);
		assertThat(page.select("h1")).as("one h1").hasSize(1);
		for (Element control : page.select(CONTROLS)) {
			if (control.is("input[type=hidden]")) {
				continue;
			}
			assertThat(control.id()).as("a control without an id: " + control).isNotEmpty();
			assertThat(page.select("label[for=" + cssString(control.id()) + "]")).as("a label for " + control.id())
				.isNotEmpty();
		}
		assertThat(page.select("script:not([src])")).as("inline scripts").isEmpty();
		assertThat(page.select("style")).as("style elements").isEmpty();
		for (Element element : page.getAllElements()) {
			List<String> inline = element.attributes()
				.asList()
				.stream()
				.map(Attribute::getKey)
				.filter((name) -> name.equals("style") || name.matches("on[a-z]+"))
				.toList();
			assertThat(inline).as("inline styles and event handlers on " + element.tagName()).isEmpty();
		}
	}

	/**
	 * The control with this id is marked invalid and described by the error next to it,
	 * which says the message.
	 */
	public static void assertErrorNextToField(String html, String id, String message) {
		Document page = parse(html);
		Element control = control(page, id);
		assertThat(control.attr("aria-invalid")).as(id + " aria-invalid").isEqualTo("true");
		assertThat(control.hasAttr("aria-describedby")).as(id + " has aria-describedby").isTrue();
		assertThat(control.attr("aria-describedby").split(" ")).as(id).contains(id + "-error");
		Element error = page.getElementById(id + "-error");
		assertThat(error).as("an error element for " + id).isNotNull();
		assertThat(error.text().strip()).isEqualTo(message);
	}

	/** The control with this id is not marked invalid, and no error is shown for it. */
	public static void assertNoErrorOnField(String html, String id) {
		Document page = parse(html);
		assertThat(control(page, id).hasAttr("aria-invalid")).as(id + " has aria-invalid").isFalse();
		assertThat(page.getElementById(id + "-error")).as("an error element for " + id).isNull();
	}

	/** The value of the selected option of the select with this id. */
	public static String selectedOption(String html, String id) {
		Element select = parse(html).selectFirst("select[id=" + cssString(id) + "]");
		assertThat(select).as("a select " + id).isNotNull();
		Element selected = select.selectFirst("option[value][selected]");
		assertThat(selected).as("a selected option in " + id).isNotNull();
		return selected.attr("value");
	}

	/**
	 * The CSRF token the page's first form sends: the value of its hidden {@code _csrf}
	 * field. Fails when the page has no such field or it is empty.
	 */
	public static String csrfToken(String html) {
		Element field = parse(html).selectFirst("form input[type=hidden][name=_csrf]");
		assertThat(field).as("a hidden _csrf field in a form").isNotNull();
		assertThat(field.attr("value")).as("the CSRF token").isNotEmpty();
		return field.attr("value");
	}

	/** The form control with this id. */
	public static Element control(String html, String id) {
		return control(parse(html), id);
	}

	private static Element control(Document page, String id) {
		return page.select(CONTROLS)
			.stream()
			.filter((control) -> control.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No control with id " + id));
	}

	/** The one element the CSS selector matches; fails unless there is exactly one. */
	public static Element one(String html, String selector) {
		Elements matches = select(html, selector);
		assertThat(matches).as("elements matching " + selector).hasSize(1);
		return matches.first();
	}

	/** The text of the one element the CSS selector matches, as a person reads it. */
	public static String textOf(String html, String selector) {
		return one(html, selector).text();
	}

	/**
	 * The texts of the elements the CSS selector matches, in the page's order, an empty
	 * element's included.
	 */
	public static List<String> textsOf(String html, String selector) {
		return select(html, selector).stream().map(Element::text).toList();
	}

	/** The column heads ({@code th scope=col}) of the one table the selector matches. */
	public static List<String> columnHeads(String html, String table) {
		return one(html, table).select("> thead > tr > th[scope=col]").stream().map(Element::text).toList();
	}

	/**
	 * The rows of the body of the one table the selector matches, in order, each as the
	 * texts of its cells in order.
	 */
	public static List<List<String>> rows(String html, String table) {
		return one(html, table).select("> tbody > tr").stream().map(PageChecks::cellTexts).toList();
	}

	/**
	 * The body row of the one table the selector matches that holds an element matching
	 * {@code key} with exactly this text, as the texts of its cells in order; fails
	 * unless exactly one row does.
	 */
	public static List<String> rowWith(String html, String table, String key, String text) {
		List<Element> matching = one(html, table).select("> tbody > tr")
			.stream()
			.filter((row) -> row.select(key).eachText().contains(text))
			.toList();
		assertThat(matching).as("rows with " + key + " saying " + text).hasSize(1);
		return cellTexts(matching.get(0));
	}

	/** The texts of the row's cells in order, an empty cell's included (as ""). */
	private static List<String> cellTexts(Element row) {
		return row.select("> td, > th").stream().map(Element::text).toList();
	}

	/** The cells of one column of these rows, counted from 0. */
	public static List<String> column(List<List<String>> rows, int index) {
		return rows.stream().map((row) -> row.get(index)).toList();
	}

	/** How many elements of the HTML the CSS selector matches. */
	public static int count(String html, String selector) {
		return select(html, selector).size();
	}

	/** The id as a quoted CSS string, whatever characters it holds. */
	private static String cssString(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
