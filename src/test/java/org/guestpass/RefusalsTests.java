package org.guestpass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guestpass.account.AccountRefusal;
import org.guestpass.account.PasswordRule;
import org.guestpass.guestaccess.EntryRefusal;
import org.guestpass.guestaccess.ManagementRefusal;
import org.guestpass.lti.DeepLinkingRefusal;
import org.guestpass.lti.LaunchRefusal;
import org.guestpass.lti.LtiRefusal;
import org.guestpass.lti.RegistrationRefusal;
import org.guestpass.media.MediaRefusal;
import org.guestpass.system.CommonRefusal;
import org.guestpass.system.Refusal;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal GuestPass gives, found on the class path: each has a code of its own, a
 * status that says the request was refused, and words for the person who asked.
 */
class RefusalsTests {

	private static final String NOT_PERMITTED = "not_permitted";

	/**
	 * The refusals that mean "not now", not "not this": the site's guest access is off,
	 * or the node is reading as many images as it may.
	 */
	private static final Set<Refusal> UNAVAILABLE = Set.of(EntryRefusal.UNAVAILABLE, MediaRefusal.IMAGES_BUSY,
			LaunchRefusal.PLATFORM_KEYS_UNREACHABLE, RegistrationRefusal.CONFIGURATION_UNREACHABLE);

	@Test
	void everyRefusalEnumOfTheProductIsFound() {
		assertThat(refusalTypes()).contains(CommonRefusal.class, EntryRefusal.class, ManagementRefusal.class,
				MediaRefusal.class, AccountRefusal.class, PasswordRule.Violation.class, LtiRefusal.class,
				LaunchRefusal.class, RegistrationRefusal.class, DeepLinkingRefusal.class);
	}

	@Test
	void everyRefusalHasACodeOfItsOwnAcrossTheProductButTheOneForWhatACallerMayNotDo() {
		Map<String, Refusal> byCode = new HashMap<>();
		List<Refusal> notPermitted = new ArrayList<>();
		for (Refusal refusal : allRefusals()) {
			assertThat(refusal.code()).as(name(refusal)).isNotBlank().matches("[a-z0-9_]+");
			if (refusal.code().equals(NOT_PERMITTED)) {
				notPermitted.add(refusal);
				continue;
			}
			Refusal earlier = byCode.put(refusal.code(), refusal);
			assertThat(earlier)
				.as(refusal.code() + " is the code of " + name(refusal) + " and of "
						+ ((earlier != null) ? name(earlier) : ""))
				.isNull();
		}
		assertThat(byCode).hasSizeGreaterThan(40);
		assertThat(notPermitted).as("the refusals of what a caller's credentials do not allow")
			.isNotEmpty()
			.allSatisfy((refusal) -> assertThat(refusal.status()).as(name(refusal)).isEqualTo(HttpStatus.FORBIDDEN))
			.extracting(Object::getClass)
			.doesNotHaveDuplicates();
	}

	@Test
	void everyRefusalAnswersWithAClientErrorOrSaysToComeBackLater() {
		assertThat(allRefusals()).as("the refusals that say to come back later, found").containsAll(UNAVAILABLE);
		for (Refusal refusal : allRefusals()) {
			if (UNAVAILABLE.contains(refusal)) {
				assertThat(refusal.status()).as(name(refusal)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			}
			else {
				assertThat(refusal.status().is4xxClientError()).as(name(refusal) + ": " + refusal.status()).isTrue();
			}
		}
	}

	@Test
	void everyRefusalHasWordsForThePersonWhoAskedAndNamesAFieldOnlyByItsName() {
		for (Refusal refusal : allRefusals()) {
			assertThat(refusal.message()).as(name(refusal)).isNotBlank().doesNotContain("null");
			refusal.field().ifPresent((field) -> assertThat(field).as(name(refusal)).matches("[a-z][A-Za-z]*"));
		}
	}

	@Test
	void aRefusalOfOneFieldNamesTheField() {
		List<Refusal> ofOneField = allRefusals().stream().filter(Refusal::isInvalidField).toList();
		assertThat(ofOneField).as("refusals of one field").isNotEmpty();
		for (Refusal refusal : ofOneField) {
			assertThat(refusal.field()).as(name(refusal)).isPresent();
			assertThat(refusal.status()).as(name(refusal)).isEqualTo(HttpStatus.BAD_REQUEST);
		}
	}

	private static List<Refusal> allRefusals() {
		List<Refusal> refusals = new ArrayList<>();
		for (Class<?> type : refusalTypes()) {
			if (type == Refusal.Worded.class) {
				// One of the enums' refusals in the moment's words: its kind is listed.
				continue;
			}
			assertThat(type.isEnum()).as(type.getName() + " is an enum, so that its refusals can be listed").isTrue();
			for (Object constant : type.getEnumConstants()) {
				refusals.add((Refusal) constant);
			}
		}
		return refusals;
	}

	private static List<Class<?>> refusalTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return !definition.getMetadata().isInterface();
			}

		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Refusal.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents(GuestPassApplication.class.getPackageName())) {
			try {
				Class<?> type = Class.forName(definition.getBeanClassName());
				if (type.getName().startsWith("org.guestpass.") && !type.getName().contains("Tests")) {
					types.add(type);
				}
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return types;
	}

	private static String name(Refusal refusal) {
		return refusal.getClass().getSimpleName() + "." + refusal;
	}

}
