package org.guestpass.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoomJoinLinksTests {

	@Test
	void jitsiTakesTheGuestsNameInTheFragment() {
		assertThat(RoomJoinLinks.forGuest("https://meet.jit.si/StaffRoom42", "Ada Lovelace"))
			.isEqualTo("https://meet.jit.si/StaffRoom42#userInfo.displayName=%22Ada%20Lovelace%22");
		assertThat(RoomJoinLinks.forGuest("https://jitsi.school.example/room#config.startWithAudioMuted=true", "Ada"))
			.isEqualTo("https://jitsi.school.example/room#userInfo.displayName=%22Ada%22");
	}

	@Test
	void wherebyTakesItInTheQuery() {
		assertThat(RoomJoinLinks.forGuest("https://school.whereby.com/staff?lang=en", "Zoë"))
			.isEqualTo("https://school.whereby.com/staff?lang=en&displayName=Zo%C3%AB");
	}

	@Test
	void aHostileNameCannotChangeTheAddressAroundIt() {
		String joined = RoomJoinLinks.forGuest("https://meet.jit.si/Room",
				"\"&userInfo.email=x#<script>alert(1)</script> ?a=b");
		assertThat(joined).startsWith("https://meet.jit.si/Room#userInfo.displayName=%22")
			.endsWith("%22")
			.doesNotContain("<", ">", " ", "\"&", "#<", "?a=b");
		assertThat(joined.substring(joined.indexOf('#') + 1)).doesNotContain("#");
	}

	@Test
	void jitsiReadsTheNameAsAJsonStringSoQuotesAndBackslashesSurvive() throws Exception {
		for (String name : new String[] { "Zoë \"Z\" O'Brien", "back\\slash", "tab\there", "💡 Ada" }) {
			String joined = RoomJoinLinks.forGuest("https://meet.jit.si/Room", name);
			String json = java.net.URLDecoder.decode(joined.substring(joined.indexOf('=') + 1),
					java.nio.charset.StandardCharsets.UTF_8);
			assertThat(new tools.jackson.databind.ObjectMapper().readValue(json, String.class)).as(name)
				.isEqualTo(name);
		}
	}

	@Test
	void otherRoomSoftwareGetsTheJoinUrlAsItIs() {
		assertThat(RoomJoinLinks.forGuest("https://bbb.school.example/rooms/abc-def/join", "Ada"))
			.isEqualTo("https://bbb.school.example/rooms/abc-def/join");
	}

}
