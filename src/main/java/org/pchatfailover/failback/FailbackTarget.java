package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.pchatfailover.backup.SharePaths;
import org.pchatfailover.failover.FailoverRegistry;
import org.pchatfailover.failover.FailoverTarget;
import org.pchatfailover.sqlserver.LogShippingFolders;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/**
 * What a running failback acts on, from its registration, never from variables an operator completing a task could
 * set: the pool, the log-shipping folders its plan read, and the backup file, named after the ticket.
 */
@Component
class FailbackTarget {

	// the registration is shared with the failover: the same ticket table, the same fixed pool
	private final FailoverTarget registered;

	FailbackTarget(FailoverTarget registered) {
		this.registered = registered;
	}

	Pool pool(DelegateExecution execution) {
		return registered.pool(execution);
	}

	Pool pool(DelegateTask task) {
		return registered.pool(task);
	}

	FailoverRegistry.Registration registration(DelegateExecution execution) {
		return registered.registration(execution);
	}

	void recordPlannedFolders(DelegateExecution execution, LogShippingFolders folders) {
		registered.recordPlannedFolders(execution, folders);
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
