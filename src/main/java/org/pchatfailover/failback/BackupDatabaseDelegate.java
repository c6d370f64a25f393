package org.pchatfailover.failback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.sqlserver.BackupHeader;
import org.pchatfailover.sqlserver.FailbackDatabaseService;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Component;

/** Article step 3: a full backup of the backup instance's mgc to the log-shipping share, verified. */
@Component("backupDatabase")
class BackupDatabaseDelegate extends FailbackStepDelegate {

	private final FailbackDatabaseService databases;

	BackupDatabaseDelegate(FailbackDatabaseService databases, FailbackTarget target) {
		super(target);
		this.databases = databases;
	}

	@Override
	void run(Pool pool, DelegateExecution execution, ActionLog actions) {
		BackupHeader header = databases.backupDatabase(pool, target().backupFile(execution), actions);
		execution.setVariable(FailbackVariables.BACKUP_TAKEN, header.device() + ": full backup of "
				+ header.databaseName() + ", LSN " + header.firstLsn() + " to " + header.lastLsn() + ", finished "
				+ header.backupFinishDate());
	}

}
