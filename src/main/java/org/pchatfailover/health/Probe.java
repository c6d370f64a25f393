package org.pchatfailover.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;

/**
 * One probe of one component of a pool: whether it answered, when, how fast, what it read, and why not.
 *
 * @param up whether the component answered the probe
 * @param checkedAt when the probe started
 * @param took how long it took
 * @param details what it read (instance, server name, pool state), never a secret
 * @param error why it did not answer, as the adapter reported it; null when up
 */
record Probe(boolean up, Instant checkedAt, Duration took, Map<String, Object> details, String error) {

	static Probe up(Instant checkedAt, Map<String, Object> details) {
		return new Probe(true, checkedAt, Duration.between(checkedAt, Instant.now()), details, null);
	}

	static Probe down(Instant checkedAt, Map<String, Object> details, String error) {
		return new Probe(false, checkedAt, Duration.between(checkedAt, Instant.now()), details, error);
	}

	/** The probe as the health endpoint shows it to an admin; {@code cacheFor} says how old it may be. */
	Health toHealth(Duration cacheFor) {
		Map<String, Object> shown = new LinkedHashMap<>(details);
		shown.put("checkedAt", checkedAt.toString());
		shown.put("tookMillis", took.toMillis());
		shown.put("cachedFor", cacheFor.toString());
		if (error != null) {
			shown.put("error", error);
		}
		return (up ? Health.up() : Health.down()).withDetails(shown).build();
	}

}
