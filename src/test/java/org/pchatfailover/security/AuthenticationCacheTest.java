package org.pchatfailover.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.security.AuthenticationCache.Authenticated;

class AuthenticationCacheTest {

	private static final Authenticated TICKETING = new Authenticated("ticketing", List.of("pchat-ticketing"), List.of());

	private final MovableClock clock = new MovableClock();

	private final AuthenticationCache cache = new AuthenticationCache(
			new AuthenticationCacheProperties(Duration.ofSeconds(60), 2), clock);

	@Test
	void answersTheSameUserAndPasswordUntilTheTtlEnds() {
		cache.remember("s3cret", TICKETING, cache.generation());

		assertThat(cache.find("ticketing", "s3cret")).contains(TICKETING);
		clock.advance(Duration.ofSeconds(59));
		assertThat(cache.find("ticketing", "s3cret")).contains(TICKETING);
		clock.advance(Duration.ofSeconds(1));
		assertThat(cache.find("ticketing", "s3cret")).as("after the TTL").isEmpty();
	}

	@Test
	void neverAnswersAnotherPasswordOrUser() {
		cache.remember("s3cret", TICKETING, cache.generation());

		assertThat(cache.find("ticketing", "wrong")).isEmpty();
		assertThat(cache.find("ticketing", "s3cret ")).isEmpty();
		assertThat(cache.find("ticketings3cret".substring(0, 8), "gs3cret")).as("user and password split elsewhere")
			.isEmpty();
		assertThat(cache.find("operator", "s3cret")).isEmpty();
	}

	@Test
	void forgetsEverythingWhenTheIdentityChanges() {
		cache.remember("s3cret", TICKETING, cache.generation());

		cache.invalidateAll();

		assertThat(cache.find("ticketing", "s3cret")).isEmpty();
	}

	@Test
	void doesNotKeepACheckThatStartedBeforeAnIdentityChange() {
		long before = cache.generation();
		cache.invalidateAll();

		cache.remember("s3cret", TICKETING, before);

		assertThat(cache.find("ticketing", "s3cret")).isEmpty();
	}

	@Test
	void keepsNothingWithATtlOfZero() {
		AuthenticationCache off = new AuthenticationCache(new AuthenticationCacheProperties(Duration.ZERO, 10), clock);
		off.remember("s3cret", TICKETING, off.generation());

		assertThat(off.find("ticketing", "s3cret")).isEmpty();
	}

	@Test
	void startsOverPastItsSize() {
		Authenticated operator = new Authenticated("operator", List.of("pchat-operators"), List.of());
		Authenticated admin = new Authenticated("admin", List.of("pchat-admins"), List.of());
		cache.remember("a", TICKETING, cache.generation());
		cache.remember("b", operator, cache.generation());

		cache.remember("c", admin, cache.generation());

		assertThat(cache.find("ticketing", "a")).isEmpty();
		assertThat(cache.find("admin", "c")).contains(admin);
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
