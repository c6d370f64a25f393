package org.pchatfailover.failover;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupCopyService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Runbook step 2: copy the log backups not yet copied from the backup share to the copy destination. */
@Component("copyBackupFiles")
class CopyBackupFilesDelegate extends PoolStepDelegate {

	private final BackupCopyService backupCopy;

	CopyBackupFilesDelegate(BackupCopyService backupCopy, FailoverTarget target) {
		super(target);
		this.backupCopy = backupCopy;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		backupCopy.copyMissingFiles(pool, registration(execution).plannedFolders(), actions);
	}

}
