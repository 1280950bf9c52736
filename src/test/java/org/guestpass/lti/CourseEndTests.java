package org.guestpass.lti;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CourseEndTests {

	@Test
	void readsCanvasDatesAndIso8601() {
		assertThat(CourseEnd.parse("2019-04-21 17:01:36")).contains(Instant.parse("2019-04-21T17:01:36Z"));
		assertThat(CourseEnd.parse("2018-01-12 00:00:00 -0700")).contains(Instant.parse("2018-01-12T07:00:00Z"));
		assertThat(CourseEnd.parse("2027-05-30T23:59:59Z")).contains(Instant.parse("2027-05-30T23:59:59Z"));
		assertThat(CourseEnd.parse(" 2027-05-30T23:59:59+02:00 ")).contains(Instant.parse("2027-05-30T21:59:59Z"));
	}

	@Test
	void aVariableThePlatformDidNotSubstituteOrAnythingElseIsNoEnd() {
		assertThat(CourseEnd.parse("$Canvas.course.endAt")).isEmpty();
		assertThat(CourseEnd.parse("")).isEmpty();
		assertThat(CourseEnd.parse("next summer")).isEmpty();
		assertThat(CourseEnd.parse(20270530)).isEmpty();
		assertThat(CourseEnd.parse(null)).isEmpty();
	}

}
