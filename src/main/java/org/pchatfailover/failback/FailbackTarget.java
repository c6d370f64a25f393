package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Topology;
import org.springframework.stereotype.Component;

/**
 * What a running failback acts on, from its registration, never from variables an operator completing a task could
 * set: the pool, the log-shipping folders its plan read, and the backup file, named after the ticket.
 */
@Component
class FailbackTarget {

	private final FailoverRegistry registry;

	private final Topology topology;

	FailbackTarget(FailoverRegistry registry, Topology topology) {
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

	/** The share and copy folder the plan read; a step after the plan cannot run without them. */
	LogShippingFolders folders(DelegateExecution execution) {
		LogShippingFolders folders = registration(execution).plannedFolders();
		if (folders == null) {
			throw new IllegalStateException("failback " + execution.getProcessInstanceId() + " has no planned"
					+ " log-shipping folders: CheckFailbackPreconditions records them");
		}
		return folders;
	}

	/** The full backup of step 3 on the share: one file per ticket, so a retry finds the one it wrote. */
	String backupFile(DelegateExecution execution) {
		return SharePaths.device(folders(execution).source(), backupFileName(registration(execution).ticketId(),
				pool(execution).database()));
	}

	/** The primary's fresh full backup that initialises the backup instance's secondary again (step 5). */
	String initialisationFile(DelegateExecution execution) {
		return SharePaths.device(folders(execution).source(), registration(execution).ticketId().replace(':', '_')
				+ "_" + pool(execution).database() + "_primary_full.bak");
	}

	// ':' is allowed in ticket ids but not in Windows file names
	static String backupFileName(String ticketId, String database) {
		return ticketId.replace(':', '_') + "_" + database + "_failback_full.bak";
	}

}
