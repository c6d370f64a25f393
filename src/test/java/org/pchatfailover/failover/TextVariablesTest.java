package org.pchatfailover.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextVariablesTest {

	@Test
	void keepsATextThatFits() {
		String text = "y".repeat(TextVariables.MAX_LENGTH);

		assertThat(TextVariables.fit(text, "GET /api/pools/p/readiness")).isSameAs(text);
	}

	@Test
	void cutsALongerTextSayingHowMuchIsLeftOutAndWhereItIs() {
		String text = "y".repeat(10_000);

		String stored = TextVariables.fit(text, "GET /api/pools/p/readiness");

		assertThat(stored).hasSizeLessThanOrEqualTo(TextVariables.MAX_LENGTH).startsWith("yyyy")
			.endsWith(" more characters; all of it: GET /api/pools/p/readiness]");
		int kept = stored.indexOf("\n[cut here: ");
		assertThat(stored).contains("[cut here: " + (10_000 - kept) + " more characters");
	}

	@Test
	void neverCutsACharacterInTwo() {
		// U+1F600 is two UTF-16 units: a cut between them would store half a character
		String text = "\uD83D\uDE00".repeat(TextVariables.MAX_LENGTH);

		String stored = TextVariables.fit(text, "the report");

		String kept = stored.substring(0, stored.indexOf("\n[cut here"));
		assertThat(kept.codePoints()).allMatch(codePoint -> codePoint == 0x1F600);
	}

}
