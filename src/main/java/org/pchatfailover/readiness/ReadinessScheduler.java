package org.pchatfailover.readiness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks each pool every {@code pchat.readiness.interval}, one engine node at a time: every node looks each minute
 * for pools whose last check is older than the interval, and only the node that takes the pool's lease runs it.
 * A node that dies mid-check leaves a lease that expires, so another node takes over.
 */
@Component
class ReadinessScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReadinessScheduler.class);

	/** Longer than any check takes (each read is bounded by its own timeout), short enough to take over soon. */
	static final Duration LEASE = Duration.ofMinutes(10);

	private final Topology topology;

	private final EstateReadiness readiness;

	private final ReadinessStore store;

	private final ReadinessProperties properties;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

	ReadinessScheduler(Topology topology, EstateReadiness readiness, ReadinessStore store,
			ReadinessProperties properties) {
		this.topology = topology;
		this.readiness = readiness;
		this.store = store;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${pchat.readiness.initial-delay:PT2M}", fixedDelayString = "PT1M")
	void checkDuePools() {
		if (properties.enabled()) {
			runDue(Instant.now());
		}
	}

	/** Runs the check of every pool that is due and whose lease this node gets; returns how many it ran. */
	int runDue(Instant now) {
		int ran = 0;
		for (Pool pool : topology.pools()) {
			if (!store.tryLease(pool.fqdn(), node, now, now.plus(LEASE), now.minus(properties.interval()))) {
				continue;
			}
			try {
				readiness.check(pool);
				ran++;
			}
			catch (RuntimeException ex) {
				// the checks report failures as failed checks: this is a bug or the engine database, log it loudly
				log.error("Scheduled estate check of pool {} failed", pool.fqdn(), ex);
			}
			finally {
				store.release(pool.fqdn(), node);
			}
		}
		return ran;
	}

}
