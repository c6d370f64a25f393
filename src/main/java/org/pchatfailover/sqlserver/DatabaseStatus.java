package org.pchatfailover.sqlserver;

import java.math.BigInteger;

/**
 * @param name database name
 * @param state {@code sys.databases.state_desc}: ONLINE, RESTORING, ...
 * @param redoStartLsn {@code sys.master_files.redo_start_lsn} of the primary data file, null when not restoring
 */
public record DatabaseStatus(String name, String state, BigInteger redoStartLsn) {

	public static final String ONLINE = "ONLINE";

	public static final String RESTORING = "RESTORING";

	public boolean isOnline() {
		return ONLINE.equals(state);
	}

	public boolean isRestoring() {
		return RESTORING.equals(state);
	}

}
