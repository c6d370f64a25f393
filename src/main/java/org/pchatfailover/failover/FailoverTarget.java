package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/** The pool a running failover acts on, from its registration: the one its start fixed, whatever variables say. */
@Component
class FailoverTarget {

	private final FailoverRegistry registry;

	private final Topology topology;

	FailoverTarget(FailoverRegistry registry, Topology topology) {
		this.registry = registry;
		this.topology = topology;
	}

	Pool pool(DelegateExecution execution) {
		return topology.pool(registration(execution).poolFqdn());
	}

	Pool pool(DelegateTask task) {
		return topology.pool(registry.require(task.getProcessInstanceId()).poolFqdn());
	}

	FailoverRegistry.Registration registration(DelegateExecution execution) {
		return registry.require(execution.getProcessInstanceId());
	}

	void recordPlannedFolders(DelegateExecution execution, LogShippingFolders folders) {
		registry.recordPlannedFolders(execution.getProcessInstanceId(), folders);
	}

}
