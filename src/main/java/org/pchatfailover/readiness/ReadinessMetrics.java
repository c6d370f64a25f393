package org.pchatfailover.readiness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * Each pool's last estate check as {@code pchat_} gauges, from the result every node shares
 * ({@code PCHAT_READINESS}): whether it was ready, how many checks failed, when it ran, and the recovery point now,
 * i.e. how old the newest log backup that could be restored is at the time of the scrape. A pool never checked has
 * no value (NaN), not a reassuring 0. The rows are read at most every {@link #FRESH_FOR}.
 * <p>
 * The recovery point is the last check's: a log backup that arrived since is not seen until the next check
 * ({@code pchat.readiness.interval}), so the age grows between checks; {@code pchat_estate_checked_timestamp_seconds}
 * says how old the check is.
 */
@Component
class ReadinessMetrics implements MeterBinder {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Topology topology;

	private final ReadinessStore store;

	private Map<String, Optional<ReadinessReport>> last = Map.of();

	private Instant readAt = Instant.MIN;

	ReadinessMetrics(Topology topology, ReadinessStore store) {
		this.topology = topology;
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Pool pool : topology.pools()) {
			gauge(registry, pool, "pchat.estate.ready", null, "1 when the last estate check found every check passed, "
					+ "else 0", report -> report.ready() ? 1 : 0);
			gauge(registry, pool, "pchat.estate.checks.failed", null, "Checks the last estate check failed",
					report -> report.failedChecks().size());
			gauge(registry, pool, "pchat.estate.checked.timestamp", "seconds", "When the last estate check ran",
					report -> report.checkedAt().getEpochSecond());
			gauge(registry, pool, "pchat.recovery.point.age", "seconds", "Age now of the newest log backup the last "
					+ "estate check found restorable: what a failover now would lose", report -> {
						Instant recoveryPoint = report.recoveryPoint();
						return recoveryPoint == null ? Double.NaN
								: Duration.between(recoveryPoint, Instant.now()).toMillis() / 1000.0;
					});
		}
	}

	private void gauge(MeterRegistry registry, Pool pool, String name, String unit, String description,
			ToDoubleFunction<ReadinessReport> value) {
		Gauge.builder(name, () -> last(pool.fqdn()).map(value::applyAsDouble).orElse(Double.NaN))
			.description(description)
			.baseUnit(unit)
			.tag("pool", pool.fqdn())
			.register(registry);
	}

	private synchronized Optional<ReadinessReport> last(String pool) {
		Instant now = Instant.now();
		if (readAt.plus(FRESH_FOR).isBefore(now)) {
			Map<String, Optional<ReadinessReport>> reports = new HashMap<>();
			topology.pools().forEach(each -> reports.put(each.fqdn(), store.last(each.fqdn())));
			last = reports;
			readAt = now;
		}
		return last.getOrDefault(pool, Optional.empty());
	}

}
