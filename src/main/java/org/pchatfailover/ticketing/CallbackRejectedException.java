package org.pchatfailover.ticketing;

/**
 * The ticketing system refused a callback with a 4xx other than 408 and 429 (wrong URL, token or body): sending
 * the same request again cannot help, so the job stops retrying at once and waits, failed, for an operator.
 */
class CallbackRejectedException extends CallbackDeliveryException {

	CallbackRejectedException(String message) {
		super(message);
	}

}
