package org.pchatfailover.failover;

import org.pchatfailover.security.OperatedProcess;
import org.springframework.stereotype.Component;

/** The failover is a process operators work and the ticketing system reads: the security room grants on it. */
@Component
class OperatedFailover implements OperatedProcess {

	@Override
	public String processKey() {
		return FailoverVariables.PROCESS_ID;
	}

}
