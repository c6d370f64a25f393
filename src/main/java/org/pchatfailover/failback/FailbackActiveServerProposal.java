package org.pchatfailover.failback;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.failover.FailoverVariables;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering ConfirmActiveServers of the failback: offers every candidate with its data centre and preselects the
 * ones in the primary data centre, where mgc serves from again, unless a list was given before (a second round
 * starts from the proposal again: TaskRounds).
 */
@Component("proposeFailbackActiveServers")
class FailbackActiveServerProposal implements ExecutionListener {

	private final FailbackTarget target;

	FailbackActiveServerProposal(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		List<String> proposal = ActiveServerRules.propose(pool, pool.primaryDataCenter());
		List<Map<String, String>> options = pool.activeServerCandidates()
			.stream()
			.map(c -> Map.of("label", c.fqdn() + " (" + c.dataCenter() + ")", "value", c.fqdn()))
			.toList();
		execution.setVariable("activeServerOptions", JsonVariables.json(options));
		execution.setVariable(FailbackVariables.PRIMARY_DATA_CENTER, pool.primaryDataCenter());
		execution.setVariable(FailoverVariables.ACTIVE_SERVER_PROPOSAL, JsonVariables.json(proposal));
		if (FailoverVariables.activeServers(execution).isEmpty()) {
			execution.setVariable(FailoverVariables.ACTIVE_SERVERS, JsonVariables.json(proposal));
		}
	}

}
