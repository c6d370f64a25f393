package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(3, Duration.ofMinutes(5), 2),
			clock);

	@Test
	void throttlesAnAddressAtItsMaxFailuresUntilTheOldestLeavesTheWindow() {
		assertThat(throttle.failed("10.0.0.9")).isFalse();
		clock.advance(Duration.ofMinutes(1));
		assertThat(throttle.failed("10.0.0.9")).isFalse();
		assertThat(throttle.waitFor("10.0.0.9")).isEmpty();
		assertThat(throttle.failed("10.0.0.9")).isTrue();

		assertThat(throttle.waitFor("10.0.0.9")).contains(Duration.ofMinutes(4));
		assertThat(throttle.waitFor("10.0.0.8")).as("another address").isEmpty();
		clock.advance(Duration.ofMinutes(4));
		assertThat(throttle.waitFor("10.0.0.9")).isEmpty();
	}

	@Test
	void forgetsTheAddressNotSeenForLongestWhenTooManyAreRemembered() {
		for (int i = 0; i < 3; i++) {
			throttle.failed("10.0.0.1");
		}
		throttle.failed("10.0.0.2");
		throttle.failed("10.0.0.3");

		assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2025-01-01T00:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
