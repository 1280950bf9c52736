package org.guestpass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.guestpass.account.PlatformUser;
import org.guestpass.audit.AuditLog;
import org.guestpass.guestaccess.TextRules;
import org.guestpass.lti.Platforms;
import org.guestpass.media.Captions;
import org.guestpass.media.MediaLibrary;
import org.guestpass.system.TextLength;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text column holds what the rule that fills it allows, on the database under test:
 * a rule counts characters (code points), H2's {@code varchar(n)} counts UTF-16 units, so
 * a column filled by a rule of n characters is declared with at least 2n. A column
 * GuestPass adds must be named here, under its rule or as generated ASCII, or this test
 * fails.
 */
@IntegrationTest
class TextColumnsIntegrationTests {

	/** The account module's rules, which have no constants of their own yet. */
	private static final int ACCOUNT_USERNAME = 50;

	private static final int API_TOKEN_NAME = 100;

	/**
	 * Columns filled with what people type, each with the most characters its rule lets
	 * in.
	 */
	static final Map<String, Integer> TYPED = Map.ofEntries(entry("account.username", ACCOUNT_USERNAME),
			entry("spring_session.principal_name", ACCOUNT_USERNAME), entry("api_token.name", API_TOKEN_NAME),
			entry("media.title", MediaLibrary.MAX_TITLE), entry("media.description", MediaLibrary.MAX_DESCRIPTION),
			entry("media.source_url", MediaLibrary.MAX_URL), entry("guest_link.name", TextRules.MAX_NAME),
			entry("guest_session.guest_name", TextRules.MAX_NAME),
			entry("guest_session.guest_email", TextRules.MAX_EMAIL), entry("caption.label", Captions.MAX_LABEL),
			entry("caption.language", Captions.MAX_LANGUAGE), entry("audit_event.actor", AuditLog.MAX_ACTOR),
			entry("audit_event.detail", AuditLog.MAX_DETAIL),
			entry("lti_platform.name", Platforms.NAME.maxCharacters()), entry("lti_platform.issuer", Platforms.MAX_URL),
			entry("lti_platform.authorization_url", Platforms.MAX_URL),
			entry("lti_platform.token_url", Platforms.MAX_URL), entry("lti_platform.jwks_url", Platforms.MAX_URL),
			entry("lti_platform.client_id", Platforms.MAX_ID), entry("lti_deployment.deployment_id", Platforms.MAX_ID),
			entry("lti_login.target_link_uri", Platforms.MAX_URL), entry("account_identity.issuer", Platforms.MAX_URL),
			entry("account_identity.subject", PlatformUser.MAX_SUBJECT),
			entry("account_identity.client_id", Platforms.MAX_ID),
			entry("account_identity.display_name", PlatformUser.MAX_NAME),
			entry("account_identity.email", PlatformUser.MAX_EMAIL),
			// A caption file is at most MAX_BYTES of UTF-8, so it has no more characters
			// than that.
			entry("caption.content", Captions.MAX_BYTES));

	/**
	 * Columns that hold only ASCII GuestPass writes itself: hashes, keys, codes, enum
	 * names, content types.
	 */
	static final Set<String> GENERATED_ASCII = Set.of("account.password_hash", "account.role", "account.guest_links",
			"api_token.token_hash", "site_settings.guest_links_lowest_role", "media.type", "media.file_key",
			"media.content_type", "guest_link.token_hash", "guest_link.token_sealed", "guest_session.session_hash",
			"audit_event.action", "audit_event.outcome", "spring_session.primary_id", "spring_session.session_id",
			"spring_session_attributes.session_primary_id", "spring_session_attributes.attribute_name",
			"rate_limit_bucket.id", "poster.file_key", "poster.content_type", "lti_login.state_hash", "lti_login.nonce",
			"lti_login.browser_hash", "lti_nonce.nonce", "account_identity.identity_hash");

	/**
	 * Columns that may hold no value, so that the migration that widened them kept every
	 * other one required.
	 */
	private static final Set<String> OPTIONAL = Set.of("media.description", "media.source_url", "media.file_key",
			"media.content_type", "spring_session.principal_name", "audit_event.detail",
			"account_identity.display_name", "account_identity.email");

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTextColumnHoldsTheMostCharactersItsRuleAllows() {
		List<Column> columns = textColumns();
		assertThat(columns).extracting(Column::name).contains("guest_session.guest_name", "media.title");
		List<String> faults = new ArrayList<>();
		for (Column column : columns) {
			Integer characters = TYPED.get(column.name());
			if (characters != null) {
				int needed = TextLength.UTF16_UNITS_PER_CHARACTER * characters;
				if (column.length() < needed) {
					faults.add(column.name() + " is varchar(" + column.length() + "), but its rule allows " + characters
							+ " characters, up to " + needed + " UTF-16 units");
				}
			}
			else if (!GENERATED_ASCII.contains(column.name())) {
				faults.add(column.name()
						+ " is in neither list: name the rule that fills it, or declare it generated ASCII");
			}
		}
		assertThat(faults).isEmpty();
	}

	@Test
	void everyColumnNamedHereExists() {
		Set<String> named = new TreeSet<>(TYPED.keySet());
		named.addAll(GENERATED_ASCII);
		assertThat(textColumns()).extracting(Column::name).containsAll(named);
		assertThat(TYPED.keySet()).doesNotContainAnyElementsOf(GENERATED_ASCII);
	}

	@Test
	void wideningTheColumnsKeptThemRequired() {
		for (Column column : textColumns()) {
			assertThat(column.nullable()).as(column.name()).isEqualTo(OPTIONAL.contains(column.name()));
		}
	}

	/** Every text column of GuestPass's own tables (Flyway's history aside). */
	private List<Column> textColumns() {
		return this.jdbc.sql("""
				select table_name, column_name, character_maximum_length, is_nullable
				  from information_schema.columns
				 where lower(table_schema) = 'public'
				   and lower(data_type) in ('character varying', 'character', 'text')
				   and lower(table_name) <> 'flyway_schema_history'
				 order by table_name, column_name
				""")
			.query((rs, row) -> new Column(
					rs.getString("table_name").toLowerCase() + "." + rs.getString("column_name").toLowerCase(),
					(rs.getObject("character_maximum_length") != null) ? rs.getInt("character_maximum_length")
							: Integer.MAX_VALUE,
					"YES".equalsIgnoreCase(rs.getString("is_nullable"))))
			.list();
	}

	/**
	 * A column as table.column, with its length in the database's unit
	 * ({@code Integer.MAX_VALUE} for unbounded text).
	 */
	record Column(String name, int length, boolean nullable) {
	}

}
