package org.pchatfailover.cluster;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor locks jobs in this node's name ({@link NodeIdentity}) instead of a random UUID per start, and for
 * {@code pchat.node.job-lock} instead of Camunda's 5 minutes: a restarted node finds its own locks (and frees them), a
 * dead node's are freed by the living ({@link NodeLease}), and a step running longer than 5 minutes is not started a
 * second time by an acquisition that found its lock run out. The Spring Boot starter has no property for the lock
 * owner, hence a plugin.
 */
@Component
class JobLockPlugin extends AbstractProcessEnginePlugin {

	private final NodeIdentity node;

	private final NodeProperties properties;

	JobLockPlugin(NodeIdentity node, NodeProperties properties) {
		this.node = node;
		this.properties = properties;
	}

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		JobExecutor jobExecutor = configuration.getJobExecutor();
		jobExecutor.setLockOwner(node.id());
		jobExecutor.setLockTimeInMillis(Math.toIntExact(properties.jobLock().toMillis()));
	}

}
