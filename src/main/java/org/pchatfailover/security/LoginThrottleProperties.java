package org.pchatfailover.security;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code pchat.security.login-throttle}: how many wrong passwords one source address may send before its logins are
 * answered 429. Accounts are never locked (a stranger must not lock {@code ticketing} out during an outage); the
 * source is slowed down instead.
 *
 * @param maxFailures failed logins from one address within {@code window} before it is throttled (default 10)
 * @param window how long a failed login counts against its address (default PT5M); the address is let in again
 * when its oldest counted failure is older than this
 * @param maxSources addresses remembered at once (default 10000); the one not seen for longest is forgotten first
 */
@ConfigurationProperties("pchat.security.login-throttle")
@Validated
public record LoginThrottleProperties(@DefaultValue("10") @Min(1) @Max(10_000) int maxFailures,
		@DefaultValue("PT5M") @NotNull Duration window, @DefaultValue("10000") @Min(1) int maxSources) {

	public LoginThrottleProperties {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("pchat.security.login-throttle.window must be positive, was " + window);
		}
	}

}
