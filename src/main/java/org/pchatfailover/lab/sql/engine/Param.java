package org.pchatfailover.lab.sql.engine;

/**
 * A parameter of a procedure call as the client sent it: by name ({@code @secondary_database}) or by position
 * (empty name), with its value as a Java object (String, Long, BigDecimal, Boolean, byte[], ... or null).
 */
public record Param(String name, Object value) {

	public boolean named() {
		return name != null && !name.isEmpty();
	}

}
