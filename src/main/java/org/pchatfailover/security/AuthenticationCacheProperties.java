package org.pchatfailover.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pchat.security.authentication-cache}: how long a password the engine accepted for {@code /api} and
 * {@code /actuator} is accepted again without asking the engine's database, with the user's groups and tenants.
 *
 * @param ttl how long a successful check counts (default PT60S; PT0S: every request checks the password). A change
 * made through this node's engine (a password, a membership, a deleted user) takes effect at once; one made on
 * another node or in the database directly, within this time
 * @param maxEntries user and password pairs remembered at once (default 1000); past it the cache starts over
 */
@ConfigurationProperties("pchat.security.authentication-cache")
@Validated
public record AuthenticationCacheProperties(@DefaultValue("PT60S") @NotNull Duration ttl,
		@DefaultValue("1000") @Min(1) int maxEntries) {

	public AuthenticationCacheProperties {
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("pchat.security.authentication-cache.ttl must not be negative, was " + ttl);
		}
	}

}
