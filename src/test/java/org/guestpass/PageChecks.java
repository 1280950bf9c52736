package org.guestpass;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What server-rendered pages promise people using assistive technology, and the strict
 * Content-Security-Policy, checked on the HTML as sent.
 */
public final class PageChecks {

	private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

	private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

	private PageChecks() {
	}

	/**
	 * One level-one heading; every form control that a person fills in has an id and a
	 * label for it; no inline scripts, styles or event handlers.
	 */
	public static void assertAccessiblePage(String html) {
		assertThat(count(html, "<h1")).as("one <h1>").isEqualTo(1);
		for (String attributes : controls(html)) {
			if (attributes.contains("type=\"hidden\"")) {
				continue;
			}
			Matcher id = ID.matcher(attributes);
			assertThat(id.find()).as("a control without an id: " + attributes).isTrue();
			assertThat(html).as("a label for " + id.group(1)).contains("for=\"" + id.group(1) + "\"");
		}
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style");
		Matcher tag = TAG.matcher(html);
		while (tag.find()) {
			assertThat(tag.group()).doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=");
		}
	}

	/**
	 * The control with this id is marked invalid and described by the error next to it,
	 * which says the message.
	 */
	public static void assertErrorNextToField(String html, String id, String message) {
		String control = control(html, id);
		assertThat(control).as(id).contains("aria-invalid=\"true\"");
		Matcher describedBy = Pattern.compile("aria-describedby=\"([^\"]*)\"").matcher(control);
		assertThat(describedBy.find()).as(id + " has aria-describedby").isTrue();
		assertThat(describedBy.group(1).split(" ")).as(id).contains(id + "-error");
		Matcher error = Pattern.compile("id=\"" + Pattern.quote(id + "-error") + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(error.find()).as("an error element for " + id).isTrue();
		assertThat(HtmlUtils.htmlUnescape(error.group(1)).strip()).isEqualTo(message);
	}

	/** The control with this id is not marked invalid, and no error is shown for it. */
	public static void assertNoErrorOnField(String html, String id) {
		assertThat(control(html, id)).as(id).doesNotContain("aria-invalid");
		assertThat(html).doesNotContain("id=\"" + id + "-error\"");
	}

	/** The value of the selected option of the select with this id. */
	public static String selectedOption(String html, String id) {
		Matcher select = Pattern
			.compile("<select\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(html);
		assertThat(select.find()).as("a select " + id).isTrue();
		Matcher selected = Pattern.compile("<option\\b[^>]*\\bvalue=\"([^\"]*)\"[^>]*\\bselected\\b")
			.matcher(select.group(1));
		assertThat(selected.find()).as("a selected option in " + id).isTrue();
		return selected.group(1);
	}

	/** The opening tag of the form control with this id. */
	public static String control(String html, String id) {
		return controls(html).stream()
			.filter((attributes) -> attributes.contains("id=\"" + id + "\""))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No control with id " + id));
	}

	public static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static List<String> controls(String html) {
		List<String> controls = new ArrayList<>();
		Matcher control = CONTROL.matcher(html);
		while (control.find()) {
			controls.add(control.group(2));
		}
		return controls;
	}

}
