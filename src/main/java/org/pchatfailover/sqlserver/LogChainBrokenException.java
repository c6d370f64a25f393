package org.pchatfailover.sqlserver;

/** The next log backup starts after the database's redo LSN: restoring it would fail with error 4305. */
public class LogChainBrokenException extends Exception {

	private final FailoverPlan.LogChainGap gap;

	public LogChainBrokenException(FailoverPlan.LogChainGap gap, String message) {
		super(message);
		this.gap = gap;
	}

	public FailoverPlan.LogChainGap gap() {
		return gap;
	}

}
