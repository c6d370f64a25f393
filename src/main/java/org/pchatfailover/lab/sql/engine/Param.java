package org.pchatfailover.lab.sql.engine;

/**
 * A parameter of a procedure call as the client sent it: by name ({@code @secondary_database}) or by position
 * (empty name), with its value as a Java object (String, Long, BigDecimal, Boolean, byte[], ... or null).
 *
 * @param output sent by reference (fByRefValue, [MS-TDS] 2.2.6.6): the caller wants its value back
 */
public record Param(String name, Object value, boolean output) {

	public Param(String name, Object value) {
		this(name, value, false);
	}

	public boolean named() {
		return name != null && !name.isEmpty();
	}

}
