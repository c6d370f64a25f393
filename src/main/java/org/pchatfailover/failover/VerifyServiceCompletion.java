package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** VerifyService: the operator says whether Persistent Chat clients work, and what they tested. */
@Component("verifyServiceCompletion")
public class VerifyServiceCompletion implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		TaskDecisions.requireYesNo(task, FailoverVariables.SERVICE_VERIFIED, "say whether Persistent Chat clients work");
		TaskDecisions.requireText(task, FailoverVariables.VERIFICATION_COMMENT, "what was tested, by whom");
	}

}
