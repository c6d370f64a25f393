package org.pchatfailover.failover;

import java.time.Duration;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A service step that acts on the failover's pool: resolves the pool from the failover's registration, runs the
 * step and stores what it did as {@code actionLog} for the report. Exceptions are left to the engine: the
 * job is retried, then becomes an incident. An attempt that finds an earlier one cut off (a killed node) records
 * that it resumed after an interruption, first thing in its action log: the report shows it.
 */
abstract class PoolStepDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PoolStepDelegate.class);

	private final FailoverTarget target;

	// a setter, not the constructor: every step's constructor stays its own dependencies
	private StepAttempts attempts;

	PoolStepDelegate(FailoverTarget target) {
		this.target = target;
	}

	@Override
	public final void execute(DelegateExecution execution) throws Exception {
		if (attempts == null) {
			// built by hand, outside Spring (the process tests): nothing to record attempts in
			ActionLog actions = new ActionLog();
			run(target.pool(execution), execution, actions);
			JsonVariables.storeActions(execution, actions);
			return;
		}
		String instance = execution.getProcessInstanceId();
		String step = execution.getCurrentActivityId();
		ActionLog actions = new ActionLog();
		Optional<StepAttempts.Interruption> interrupted = attempts.begin(instance, step);
		log.info("step {} of failover {} started on node {}", step, instance, attempts.nodeId());
		interrupted.ifPresent(earlier -> {
			log.warn("step {} of failover {} resumes after an interruption: its attempt on node {} at {} never finished",
					step, instance, earlier.nodeId(), earlier.startedAt());
			actions.record("node " + attempts.nodeId(), "check", "resume " + step,
					"resumed after an interruption: the attempt started on node " + earlier.nodeId() + " at "
							+ earlier.startedAt() + " never finished (its node stopped); this attempt checks what "
							+ "was done and does only the rest",
					true, Duration.ZERO);
		});
		try {
			run(target.pool(execution), execution, actions);
		}
		catch (BpmnError outcome) {
			// a business outcome commits with the step
			attempts.finished(instance, step);
			throw outcome;
		}
		catch (Exception | Error failure) {
			try {
				attempts.failed(instance, step);
			}
			catch (RuntimeException unrecorded) {
				failure.addSuppressed(unrecorded);
			}
			throw failure;
		}
		attempts.finished(instance, step);
		JsonVariables.storeActions(execution, actions);
	}

	@Autowired
	void setStepAttempts(StepAttempts attempts) {
		this.attempts = attempts;
	}

	/** The registration of this failover: what it acts on, fixed at its start. */
	FailoverRegistry.Registration registration(DelegateExecution execution) {
		return target.registration(execution);
	}

	/** Keeps what the plan found for the steps after it. */
	void recordPlannedFolders(DelegateExecution execution, LogShippingFolders folders) {
		target.recordPlannedFolders(execution, folders);
	}

	abstract void run(Pool pool, DelegateExecution execution, ActionLog actions) throws Exception;

}
