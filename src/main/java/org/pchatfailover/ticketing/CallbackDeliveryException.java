package org.pchatfailover.ticketing;

/**
 * A callback did not reach the ticketing system (no connection, timeout, 5xx, 408, 429): its job fails and is
 * retried on the retry schedule.
 */
class CallbackDeliveryException extends RuntimeException {

	CallbackDeliveryException(String message) {
		super(message);
	}

	CallbackDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
