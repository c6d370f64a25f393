package org.pchatfailover.failback;

import org.pchatfailover.security.OperatedProcess;
import org.springframework.stereotype.Component;

/** The failback is worked and read as the failover is: the security room grants on it. */
@Component
class OperatedFailback implements OperatedProcess {

	@Override
	public String processKey() {
		return FailbackVariables.PROCESS_ID;
	}

}
