package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.sqlserver.LogShippingSetup;
import org.pchatfailover.sqlserver.LogShippingSetupException;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 5: log shipping from the primary to the backup instance again, verified in msdb on both. */
@Component("reestablishLogShipping")
class ReestablishLogShippingDelegate extends FailbackStepDelegate {

	static final String LOG_SHIPPING_SETUP_FAILED = "LOG_SHIPPING_SETUP_FAILED";

	private final LogShippingSetup logShipping;

	ReestablishLogShippingDelegate(LogShippingSetup logShipping, FailbackTarget target) {
		super(target);
		this.logShipping = logShipping;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		LogShippingFolders folders = target().folders(execution);
		try {
			logShipping.reestablish(pool, folders.source(), folders.destination(),
					target().initialisationFile(execution), actions);
		}
		catch (LogShippingSetupException refused) {
			// retrying a refusal changes nothing: RunLogShippingScript hands the DBA the same work as a script
			execution.setVariable(FailbackVariables.LOG_SHIPPING_ERROR, refused.getMessage());
			execution.setVariable(FailbackVariables.LOG_SHIPPING_SCRIPT, refused.script());
			throw new BpmnError(LOG_SHIPPING_SETUP_FAILED, refused.getMessage());
		}
	}

}
