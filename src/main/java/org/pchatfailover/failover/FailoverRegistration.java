package org.pchatfailover.failover;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.pchatfailover.topology.Fqdn;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * The failover's start: fixes what it acts on in {@link FailoverRegistry}, in the start's own transaction, for
 * every way a failover is started (the ticketing API, or an administrator over the engine REST API). An unknown
 * pool or a missing ticket id refuses the start at once instead of failing a step later.
 */
@Component("registerFailover")
class FailoverRegistration implements ExecutionListener {

	private final FailoverRegistry registry;

	private final Topology topology;

	FailoverRegistration(FailoverRegistry registry, Topology topology) {
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
		Object callbackUrl = execution.getVariable(FailoverVariables.CALLBACK_URL);
		registry.register(execution.getProcessInstanceId(), ticketId, poolFqdn,
				callbackUrl instanceof String url && !url.isBlank() ? url : null, startedBy(execution));
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
