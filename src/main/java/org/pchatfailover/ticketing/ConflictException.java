package org.pchatfailover.ticketing;

/** The request contradicts a failover that exists: HTTP 409 naming it. */
class ConflictException extends RuntimeException {

	private final String ticketId;

	private final String failoverId;

	ConflictException(String message, String ticketId, String failoverId) {
		super(message);
		this.ticketId = ticketId;
		this.failoverId = failoverId;
	}

	String ticketId() {
		return ticketId;
	}

	String failoverId() {
		return failoverId;
	}

}
