package org.pchatfailover.failover;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * {@code pchat_logs_applied_total{pool}}: log backups ApplyLogBackups restored on this node. Counted from what the
 * step ran (its action log) rather than from what it returned, so a step that stops at a gap or fails after some
 * restores counts those too: they are in the database whatever the engine's transaction does.
 */
@Component
class LogsAppliedCounter {

	private final MeterRegistry meters;

	LogsAppliedCounter(MeterRegistry meters) {
		this.meters = meters;
	}

	void count(Pool pool, ActionLog actions) {
		long restored = actions.actions()
			.stream()
			.filter(action -> action.succeeded() && "sql".equals(action.kind())
					&& action.command().startsWith("RESTORE LOG "))
			.count();
		Counter counter = Counter.builder("pchat.logs.applied")
			.description("Log backups restored WITH NORECOVERY by ApplyLogBackups on this node")
			.tag("pool", pool.fqdn())
			.register(meters);
		counter.increment(restored);
	}

}
