package org.pchatfailover.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pools' health on {@code /actuator/health/pools}, bound from {@code pchat.health.*}.
 *
 * @param cacheFor how long a pool's probe result is answered before a read starts a new probe, default {@code PT30S}:
 * a monitor polling every few seconds costs one SQL login and one SSH login per pool and interval, not per poll
 * @param timeout how long a probe waits for the SQL login and its read, and for the Lync shell, default
 * {@code PT10S}; the health answer never waits for it, it answers the last result
 */
@Validated
@ConfigurationProperties("pchat.health")
public record PoolHealthProperties(@DefaultValue("PT30S") Duration cacheFor, @DefaultValue("PT10S") Duration timeout) {

	public PoolHealthProperties {
		if (cacheFor.isNegative()) {
			throw new IllegalArgumentException("pchat.health.cache-for must not be negative, was " + cacheFor);
		}
		if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() < 1) {
			throw new IllegalArgumentException("pchat.health.timeout must be at least PT1S (SQL Server's login "
					+ "timeout counts in seconds), was " + timeout);
		}
	}

}
