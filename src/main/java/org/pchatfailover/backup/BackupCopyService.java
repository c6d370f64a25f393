package org.pchatfailover.backup;

import java.util.List;

import org.pchatfailover.report.ActionLog;
import org.pchatfailover.topology.Pool;
import org.springframework.stereotype.Service;

/** Runbook step 2: copy the log backups not yet copied from the backup share to the copy destination. */
@Service
public class BackupCopyService {

	/**
	 * CopyBackupFiles: verified copy of every missing {@code <db>_yyyyMMddHHmmss.trn}.
	 * @return the files copied by this call
	 */
	public List<String> copyMissingFiles(Pool pool, ActionLog actions) {
		throw new UnsupportedOperationException("backup share copying not implemented yet (issue 4)");
	}

}
