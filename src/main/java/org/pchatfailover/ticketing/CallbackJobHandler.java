package org.pchatfailover.ticketing;

import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Runs a callback job: one delivery attempt. A failure fails the job, which {@link CallbackRetryCmd} schedules
 * again; the job has no execution, so nothing of it reaches the failover. Delivery is at least once: a node that
 * dies between the POST and the commit delivers again.
 */
class CallbackJobHandler implements JobHandler<CallbackJob> {

	static final String TYPE = "pchat-ticketing-callback";

	private final TicketingCallbackAdapter ticketing;

	CallbackJobHandler(TicketingCallbackAdapter ticketing) {
		this.ticketing = ticketing;
	}

	@Override
	public String getType() {
		return TYPE;
	}

	@Override
	public void execute(CallbackJob job, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
		ticketing.deliver(job);
	}

	@Override
	public CallbackJob newConfiguration(String canonicalString) {
		return CallbackJob.parse(canonicalString);
	}

	@Override
	public void onDelete(CallbackJob job, JobEntity jobEntity) {
		// nothing besides the job to clean up
	}

}
