package org.pchatfailover.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful HTTP basic checks for a short time, so that a ticketing system sending the same credential with every
 * request costs the engine's database one password check and two membership queries per TTL, not per request
 * (DESIGN-NOTES, "Benchmarks"). Keyed by a SHA-256 of a random per-process salt, the user and the password: the password
 * itself is never kept, and the key is worthless outside this process. Only successes are kept, so a wrong password
 * always reaches the engine, is answered 401 and is counted by {@link LoginThrottleFilter}.
 * {@link #invalidateAll()} drops everything when the engine's identity changes ({@link IdentityChangeListening}).
 */
final class AuthenticationCache {

	/** A user the engine accepted, with what {@code IdentityService.setAuthentication} needs. */
	record Authenticated(String userId, List<String> groupIds, List<String> tenantIds) {
	}

	private record Entry(Authenticated authenticated, Instant expires) {
	}

	private final AuthenticationCacheProperties properties;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	// bumped by every invalidation: a check that started before an identity change must not be remembered after it
	private long generation;

	AuthenticationCache(AuthenticationCacheProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		new SecureRandom().nextBytes(salt);
	}

	Optional<Authenticated> find(String userId, String password) {
		if (properties.ttl().isZero()) {
			return Optional.empty();
		}
		String key = key(userId, password);
		Entry entry = entries.get(key);
		if (entry == null) {
			return Optional.empty();
		}
		if (!clock.instant().isBefore(entry.expires())) {
			entries.remove(key, entry);
			return Optional.empty();
		}
		return Optional.of(entry.authenticated());
	}

	/** Taken before the engine checks a password, handed to {@link #remember}. */
	synchronized long generation() {
		return generation;
	}

	/** Keeps a success the engine answered, unless the identity changed since {@code checkedAtGeneration}. */
	synchronized void remember(String password, Authenticated authenticated, long checkedAtGeneration) {
		if (properties.ttl().isZero() || checkedAtGeneration != generation) {
			return;
		}
		if (entries.size() >= properties.maxEntries()) {
			entries.clear();
		}
		entries.put(key(authenticated.userId(), password),
				new Entry(authenticated, clock.instant().plus(properties.ttl())));
	}

	synchronized void invalidateAll() {
		generation++;
		entries.clear();
	}

	private String key(String userId, String password) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(salt);
			byte[] user = userId.getBytes(StandardCharsets.UTF_8);
			// the user's length first: "ab" + "c" and "a" + "bc" must not hash alike
			sha256.update(Integer.toString(user.length).getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) ':');
			sha256.update(user);
			sha256.update(password.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

}
