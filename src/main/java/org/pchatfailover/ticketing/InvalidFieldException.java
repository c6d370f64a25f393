package org.pchatfailover.ticketing;

/** A field that passed the format checks but is still wrong (an unknown pool): HTTP 400 naming the field. */
class InvalidFieldException extends RuntimeException {

	private final String field;

	InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return field;
	}

}
