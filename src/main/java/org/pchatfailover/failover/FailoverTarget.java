package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * The pool a running failover (or failback) acts on, from its registration: the one its start fixed, whatever
 * variables say.
 */
@Component
public class FailoverTarget {

	private final FailoverRegistry registry;

	private final Topology topology;

	public FailoverTarget(FailoverRegistry registry, Topology topology) {
		this.registry = registry;
		this.topology = topology;
	}

	public Pool pool(DelegateExecution execution) {
		return topology.pool(registration(execution).poolFqdn());
	}

	public Pool pool(DelegateTask task) {
		return topology.pool(registry.require(task.getProcessInstanceId()).poolFqdn());
	}

	public FailoverRegistry.Registration registration(DelegateExecution execution) {
		return registry.require(execution.getProcessInstanceId());
	}

	public void recordPlannedFolders(DelegateExecution execution, LogShippingFolders folders) {
		registry.recordPlannedFolders(execution.getProcessInstanceId(), folders);
	}

}
