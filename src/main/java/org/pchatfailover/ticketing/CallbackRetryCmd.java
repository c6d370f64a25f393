package org.pchatfailover.ticketing;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What the engine does after a job failed. Callback jobs have no activity, and for such jobs the engine's
 * {@link DefaultJobRetryCmd} retries three times at once, ignoring any retry cycle; this command applies the
 * callback retry schedule to them with the engine's own retry-cycle arithmetic, and stops at once when the
 * ticketing system rejected the callback. Every other job keeps the engine's handling.
 */
class CallbackRetryCmd extends DefaultJobRetryCmd {

	private final FailedJobCommandFactory otherJobs;

	private final FailedJobRetryConfiguration schedule;

	CallbackRetryCmd(String jobId, Throwable exception, FailedJobCommandFactory otherJobs,
			FailedJobRetryConfiguration schedule) {
		super(jobId, exception);
		this.otherJobs = otherJobs;
		this.schedule = schedule;
	}

	@Override
	public Object execute(CommandContext commandContext) {
		JobEntity job = getJob();
		if (job == null || !CallbackJobHandler.TYPE.equals(job.getJobHandlerType())) {
			return otherJobs.getCommand(jobId, exception).execute(commandContext);
		}
		if (exception instanceof CallbackRejectedException) {
			logException(job);
			job.unlock();
			job.setRetries(0);
			return null;
		}
		try {
			executeCustomStrategy(commandContext, job, null);
		}
		catch (Exception ex) {
			executeStandardStrategy(commandContext);
		}
		return null;
	}

	@Override
	public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
		return schedule;
	}

	/** Puts {@link CallbackRetryCmd} in front of the engine's failed-job handling. */
	record Factory(FailedJobCommandFactory otherJobs, FailedJobRetryConfiguration schedule)
			implements FailedJobCommandFactory {

		@Override
		public CallbackRetryCmd getCommand(String jobId, Throwable exception) {
			return new CallbackRetryCmd(jobId, exception, otherJobs, schedule);
		}

	}

}
