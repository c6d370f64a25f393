package org.pchatfailover.readiness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The read-only estate check, bound from {@code pchat.readiness.*}.
 *
 * @param enabled whether this node runs the check on a schedule, default true; the API runs it on request anyway
 * @param interval how often each pool is checked, across all engine nodes, default {@code PT1H}
 * @param initialDelay how long after start-up the first scheduled check may run, default {@code PT2M}: the engine
 * and the adapters settle first
 * @param recoveryPointThreshold how old the newest restorable log backup may be before the check fails, default
 * {@code PT1H}: log shipping's own default backup threshold (sp_add_log_shipping_primary_database
 * {@code @backup_threshold}, "a default of 60 minutes")
 */
@Validated
@ConfigurationProperties("pchat.readiness")
public record ReadinessProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1H") Duration interval,
		@DefaultValue("PT2M") Duration initialDelay, @DefaultValue("PT1H") Duration recoveryPointThreshold) {

	public ReadinessProperties {
		requirePositive(interval, "pchat.readiness.interval");
		requirePositive(recoveryPointThreshold, "pchat.readiness.recovery-point-threshold");
		if (initialDelay.isNegative()) {
			throw new IllegalArgumentException("pchat.readiness.initial-delay must not be negative");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be a positive duration such as PT1H, was " + duration);
		}
	}

}
