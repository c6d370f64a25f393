package org.pchatfailover.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * {@code pchat_failovers{pool, state}} (gauge): how many failovers of the pool are in each {@link FailoverState}
 * now, by the rule the API and the callbacks use. Read from the engine's database, so every node reports the same
 * numbers (query one node, or take the max) and they survive a restart; read at most every {@link #FRESH_FOR},
 * however often Prometheus scrapes.
 */
@Component
class FailoverMetrics implements MeterBinder {

	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	private final Topology topology;

	private final FailoverRegistry registry;

	private final FailoverStates states;

	private final HistoryService history;

	private Map<String, Map<FailoverState, Long>> counts = Map.of();

	private Instant countedAt = Instant.MIN;

	FailoverMetrics(Topology topology, FailoverRegistry registry, FailoverStates states, HistoryService history) {
		this.topology = topology;
		this.registry = registry;
		this.states = states;
		this.history = history;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Pool pool : topology.pools()) {
			for (FailoverState state : FailoverState.values()) {
				Gauge.builder("pchat.failovers", () -> count(pool.fqdn(), state))
					.description("Failovers of the pool in each state (RUNNING, WAITING_FOR_OPERATOR, INCIDENT, "
							+ "COMPLETED, ABORTED), from the engine's history")
					.tags("pool", pool.fqdn(), "state", state.name())
					.register(registry);
			}
		}
	}

	private synchronized long count(String pool, FailoverState state) {
		Instant now = Instant.now();
		if (countedAt.plus(FRESH_FOR).isBefore(now)) {
			counts = countAll();
			countedAt = now;
		}
		return counts.getOrDefault(pool, Map.of()).getOrDefault(state, 0L);
	}

	private Map<String, Map<FailoverState, Long>> countAll() {
		Map<String, Map<FailoverState, Long>> all = new HashMap<>();
		for (Pool pool : topology.pools()) {
			Set<String> ids = registry.forPool(pool.fqdn())
				.stream()
				.map(FailoverRegistry.Registration::processInstanceId)
				.collect(Collectors.toSet());
			Map<FailoverState, Long> byState = new EnumMap<>(FailoverState.class);
			if (!ids.isEmpty()) {
				for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
					.processInstanceIds(ids)
					.list()) {
					byState.merge(states.stateOf(instance), 1L, Long::sum);
				}
			}
			all.put(pool.fqdn(), byState);
		}
		return all;
	}

}
