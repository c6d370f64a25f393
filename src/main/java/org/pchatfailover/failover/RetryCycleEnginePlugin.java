package org.pchatfailover.failover;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's default retry cycle (jobs without one of their own) the value of {@code pchat.retry.cycle},
 * so an operator sets the cycle once instead of also under {@code camunda.bpm.generic-properties}.
 */
@Component
class RetryCycleEnginePlugin extends AbstractProcessEnginePlugin {

	private final RetryPolicy retryPolicy;

	RetryCycleEnginePlugin(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobRetryTimeCycle(retryPolicy.getCycle());
	}

}
