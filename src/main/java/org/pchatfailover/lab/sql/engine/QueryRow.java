package org.pchatfailover.lab.sql.engine;

import java.util.List;

/** A row of a SELECT's result: where its expressions read from (a row or a group), and its values. */
record QueryRow(RowScope scope, List<Object> values) {
}
