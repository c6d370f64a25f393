package org.pchatfailover.lync;

/**
 * A cmdlet succeeded but reading the state back shows something other than what was asked for. Technical: the
 * step retries, then becomes an incident naming what was expected and what was read.
 */
public class LyncVerificationException extends RuntimeException {

	public LyncVerificationException(String message) {
		super(message);
	}

}
