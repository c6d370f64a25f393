package org.pchatfailover.sqlserver;

/** The next log backup starts after the database's redo LSN: restoring it would fail with error 4305. */
public class LogChainBrokenException extends Exception {

	private final FailoverPlan.LogChainGap gap;

	private final String dataLoss;

	/** @param dataLoss what recovering now loses, in {@link DataLossStatement}'s words */
	public LogChainBrokenException(FailoverPlan.LogChainGap gap, String dataLoss, String message) {
		super(message);
		this.gap = gap;
		this.dataLoss = dataLoss;
	}

	public String dataLoss() {
		return dataLoss;
	}

	public FailoverPlan.LogChainGap gap() {
		return gap;
	}

}
