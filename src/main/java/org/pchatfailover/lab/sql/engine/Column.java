package org.pchatfailover.lab.sql.engine;

/** A result column: name as SQL Server names it, and its type. */
public record Column(String name, SqlType type) {

}
