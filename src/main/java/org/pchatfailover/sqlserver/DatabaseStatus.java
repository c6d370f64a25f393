package org.pchatfailover.sqlserver;

import java.math.BigInteger;

/**
 * @param name database name
 * @param state {@code sys.databases.state_desc}: ONLINE, RESTORING, ...
 * @param redoStartLsn {@code sys.master_files.redo_start_lsn} of the primary data file, null when not restoring
 * @param standby {@code sys.databases.is_in_standby}: restored WITH STANDBY, ONLINE but not recovered
 * @param readOnly {@code sys.databases.is_read_only}
 */
public record DatabaseStatus(String name, String state, BigInteger redoStartLsn, boolean standby, boolean readOnly) {

	public static final String ONLINE = "ONLINE";

	public static final String RESTORING = "RESTORING";

	/** ONLINE and out of standby: a standby secondary shows ONLINE too, yet has not been recovered. */
	public boolean isRecovered() {
		return ONLINE.equals(state) && !standby;
	}

	public boolean isStandby() {
		return ONLINE.equals(state) && standby;
	}

	/** The state as the plan shows it to the approver: a standby secondary must not read as plain ONLINE. */
	public String describe() {
		return isStandby() ? state + " (STANDBY, read-only)" : state;
	}

	public boolean isRestoring() {
		return RESTORING.equals(state);
	}

}
