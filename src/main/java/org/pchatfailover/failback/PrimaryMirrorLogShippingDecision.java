package org.pchatfailover.failback;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.failover.JsonVariables;
import org.pchatfailover.sqlserver.PrimaryMirrorLogShipping;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * Entering the gateway before ShipLogsFromPrimaryMirror: the task runs only where JJ204887 applies and its outcome
 * can be checked, i.e. the pool has primary-mirror-sql with a JDBC URL and MirrorPrimaryDatabase ended "installed"
 * (a deferred mirror has nothing to ship logs from). Otherwise the reason goes into the action log and a variable,
 * so the report says why the step did not happen.
 */
@Component("decideShipLogsFromPrimaryMirror")
class PrimaryMirrorLogShippingDecision implements ExecutionListener {

	static final String STEP = "ShipLogsFromPrimaryMirror";

	private final FailbackTarget target;

	PrimaryMirrorLogShippingDecision(FailbackTarget target) {
		this.target = target;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Pool pool = target.pool(execution);
		String reason = PrimaryMirrorLogShipping.unverifiableReason(pool);
		if (reason == null && !Boolean.TRUE.equals(execution.getVariable(FailbackVariables.PRIMARY_MIRROR_INSTALLED))) {
			reason = "mirroring of " + pool.database() + " on " + pool.primarySql().displayName()
					+ " was deferred at MirrorPrimaryDatabase: no mirror to ship logs from";
		}
		execution.setVariable(FailbackVariables.SHIP_LOGS_FROM_PRIMARY_MIRROR, reason == null);
		execution.setVariable(FailbackVariables.PRIMARY_MIRROR_LOG_SHIPPING_SKIPPED, reason);
		if (reason != null) {
			ActionLog actions = new ActionLog();
			actions.record(pool.fqdn(), "check", STEP + " skipped", reason, true, Duration.ZERO);
			JsonVariables.storeActions(execution, actions);
		}
	}

}
