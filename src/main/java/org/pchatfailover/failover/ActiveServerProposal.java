package org.pchatfailover.failover;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.topology.ActiveServerRules;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering ConfirmActiveServers: offers every configured candidate with its data centre and preselects the
 * ones in the new primary's data centre, unless a list was given before. A second round (the loop back from
 * VerifyService) starts from the proposal again: {@link TaskRounds}.
 */
@Component("proposeActiveServers")
class ActiveServerProposal implements ExecutionListener {

	static final String OPTIONS = "activeServerOptions";

	static final String BACKUP_DATA_CENTER = "backupDataCenter";

	private final FailoverTarget target;

	ActiveServerProposal(FailoverTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		List<String> proposal = ActiveServerRules.propose(pool, pool.backupDataCenter());
		List<Map<String, String>> options = pool.activeServerCandidates()
			.stream()
			.map(c -> Map.of("label", c.fqdn() + " (" + c.dataCenter() + ")", "value", c.fqdn()))
			.toList();
		execution.setVariable(OPTIONS, JsonVariables.json(options));
		execution.setVariable(BACKUP_DATA_CENTER, pool.backupDataCenter());
		execution.setVariable(FailoverVariables.ACTIVE_SERVER_PROPOSAL, JsonVariables.json(proposal));
		if (FailoverVariables.activeServers(execution).isEmpty()) {
			execution.setVariable(FailoverVariables.ACTIVE_SERVERS, JsonVariables.json(proposal));
		}
	}

}
