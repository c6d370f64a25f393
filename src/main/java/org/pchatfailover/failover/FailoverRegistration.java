package org.pchatfailover.failover;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.pchatfailover.topology.Fqdn;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * The failover's start: fixes what it acts on in {@link FailoverRegistry}, in the start's own transaction, for
 * every way a failover is started (the ticketing API, or an administrator over the engine REST API). An unknown
 * pool, a missing ticket id, a ticket that started a failover before or a pool with a failover running refuses the
 * start at once instead of failing a step later.
 */
@Component("registerFailover")
public class FailoverRegistration implements ExecutionListener {

	private final FailoverRegistry registry;

	private final Topology topology;

	public FailoverRegistration(FailoverRegistry registry, Topology topology) {
		this.registry = registry;
		this.topology = topology;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String ticketId = execution.getProcessBusinessKey();
		if (ticketId == null || !ticketId.matches(FailoverVariables.TICKET_ID_PATTERN)) {
			throw new BadUserRequestException("a failover is started with its ticket id as business key ("
					+ FailoverVariables.TICKET_ID_PATTERN + "), got '" + Fqdn.printable(ticketId) + "'");
		}
		Object pool = execution.getVariable(FailoverVariables.POOL_FQDN);
		String poolFqdn = topology.findPool(pool instanceof String text ? text : null)
			.orElseThrow(() -> new BadUserRequestException("Persistent Chat pool '"
					+ Fqdn.printable(pool == null ? null : pool.toString()) + "' is not configured in pchat.pools[]"))
			.fqdn();
		registry.lockPool(poolFqdn);
		registry.findByTicket(ticketId).ifPresent(other -> {
			throw new BadUserRequestException("ticket " + ticketId + " already started failover "
					+ other.processInstanceId() + " of pool " + other.poolFqdn() + "; one ticket, one failover");
		});
		running(execution, poolFqdn).ifPresent(other -> {
			throw new BadUserRequestException("a failover of pool " + poolFqdn + " is already running for ticket "
					+ other.getBusinessKey() + " (" + other.getId() + "); one failover per pool at a time");
		});
		Object callbackUrl = execution.getVariable(FailoverVariables.CALLBACK_URL);
		registry.register(execution.getProcessInstanceId(), ticketId, poolFqdn,
				callbackUrl instanceof String url && !url.isBlank() ? url : null, startedBy(execution));
	}

	/**
	 * Another failover of the pool that still runs. Asked here, under the pool's lock, for every start: the
	 * ticketing API checks before it starts, but an administrator's start over the engine REST API comes only here.
	 */
	private Optional<ProcessInstance> running(DelegateExecution execution, String poolFqdn) {
		Set<String> ofPool = registry.forPool(poolFqdn)
			.stream()
			.map(FailoverRegistry.Registration::processInstanceId)
			.filter(id -> !id.equals(execution.getProcessInstanceId()))
			.collect(Collectors.toSet());
		if (ofPool.isEmpty()) {
			return Optional.empty();
		}
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		// whether the pool is busy must not depend on what the starting user may read
		return Context.getCommandContext()
			.runWithoutAuthorization(() -> runtime.createProcessInstanceQuery().processInstanceIds(ofPool).list())
			.stream()
			.findFirst();
	}

	private static String startedBy(DelegateExecution execution) {
		Object startedBy = execution.getVariable(FailoverVariables.STARTED_BY);
		if (startedBy instanceof String user && !user.isBlank()) {
			return user;
		}
		Authentication caller = Context.getCommandContext() == null ? null
				: Context.getCommandContext().getAuthentication();
		return caller != null ? caller.getUserId() : "engine";
	}

}
