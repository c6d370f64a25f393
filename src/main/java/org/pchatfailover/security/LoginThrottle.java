package org.pchatfailover.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per source address in a sliding window. An address with {@code maxFailures} failures in the window
 * waits until the oldest of them leaves it. A success does not wipe the count: one valid low-privileged account
 * must not buy unlimited guesses at another. In memory and per node: a cluster of n nodes allows n times the
 * guesses, which still bounds a guesser, and nothing a node restart forgets can lock anyone out.
 */
final class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	// access order: the address not seen for longest goes first when too many are remembered
	private final Map<String, Deque<Instant>> failures;

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.maxFailures = properties.maxFailures();
		this.window = properties.window();
		this.clock = clock;
		int maxSources = properties.maxSources();
		this.failures = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
				return size() > maxSources;
			}
		};
	}

	/** How long the address must wait before its next login is even checked; empty when it may try now. */
	synchronized Optional<Duration> waitFor(String source) {
		Deque<Instant> recent = failures.get(source);
		if (recent == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		forgetOld(recent, now);
		if (recent.isEmpty()) {
			failures.remove(source);
			return Optional.empty();
		}
		if (recent.size() < maxFailures) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
	}

	/** Counts a wrong password from the address; true when this failure throttles it. */
	synchronized boolean failed(String source) {
		Instant now = clock.instant();
		Deque<Instant> recent = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
		forgetOld(recent, now);
		recent.addLast(now);
		// a throttled address sends no password to the engine, so the deque never grows past maxFailures
		while (recent.size() > maxFailures) {
			recent.removeFirst();
		}
		return recent.size() == maxFailures;
	}

	private void forgetOld(Deque<Instant> recent, Instant now) {
		Instant oldestCounted = now.minus(window);
		while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldestCounted)) {
			recent.removeFirst();
		}
	}

}
