package org.pchatfailover.lab.sql.errors;

/**
 * SQL Server's messages about a SELECT's shape: names in the FROM clause, columns, aggregates and grouping, ORDER BY
 * and TOP, with the numbers, severities and texts of SQL Server's message catalogue.
 */
public final class QueryErrors {

	private QueryErrors() {
	}

	public static SqlMessage columnPrefix(String prefix) {
		return new SqlMessage(107, 15, 1,
				"The column prefix '" + prefix + "' does not match with a table name or alias name used in the query.");
	}

	public static SqlMessage orderByPosition(long position) {
		return new SqlMessage(108, 15, 1, "The ORDER BY position number " + position
				+ " is out of range of the number of items in the select list.");
	}

	public static SqlMessage nestedAggregate() {
		return new SqlMessage(130, 16, 1,
				"Cannot perform an aggregate function on an expression containing an aggregate or a subquery.");
	}

	public static SqlMessage assignmentWithRetrieval() {
		return new SqlMessage(141, 15, 1,
				"A SELECT statement that assigns a value to a variable must not be combined with data-retrieval operations.");
	}

	public static SqlMessage aggregateInGroupBy() {
		return new SqlMessage(144, 15, 1,
				"Cannot use an aggregate or a subquery in an expression used for the group by list of a GROUP BY clause.");
	}

	public static SqlMessage orderByNotInDistinctList() {
		return new SqlMessage(145, 15, 1, "ORDER BY items must appear in the select list if SELECT DISTINCT is specified.");
	}

	public static SqlMessage aggregateInWhere() {
		return new SqlMessage(147, 15, 1, "An aggregate may not appear in the WHERE clause unless it is in a subquery "
				+ "contained in a HAVING clause or a select list, and the column being aggregated is an outer reference.");
	}

	public static SqlMessage ambiguousColumn(String name) {
		return new SqlMessage(209, 16, 1, "Ambiguous column name '" + name + "'.");
	}

	public static SqlMessage noTable() {
		return new SqlMessage(263, 16, 1, "Must specify table to select from.");
	}

	public static SqlMessage topNegative() {
		return new SqlMessage(127, 15, 1, "A TOP N or FETCH rowcount value may not be negative.");
	}

	public static SqlMessage orderByConstant(int position) {
		return new SqlMessage(408, 16, 1, "A constant expression was encountered in the ORDER BY list, position "
				+ position + ".");
	}

	public static SqlMessage sameExposedNames(String first, String second) {
		return new SqlMessage(1013, 15, 1, "The objects \"" + first + "\" and \"" + second
				+ "\" in the FROM clause have the same exposed names. Use correlation names to distinguish them.");
	}

	public static SqlMessage topInvalid() {
		return new SqlMessage(1014, 15, 1, "A TOP or FETCH clause contains an invalid value.");
	}

	public static SqlMessage aggregateInOn() {
		return new SqlMessage(1015, 15, 1, "An aggregate cannot appear in an ON clause unless it is in a subquery "
				+ "contained in a HAVING clause or select list, and the column being aggregated is an outer reference.");
	}

	public static SqlMessage notBound(String identifier) {
		return new SqlMessage(4104, 16, 1, "The multi-part identifier \"" + identifier + "\" could not be bound.");
	}

	/**
	 * 8120 (select list), 8121 (HAVING), 8127 (ORDER BY): a column neither aggregated nor grouped by. The catalogue
	 * also has 8118, 8119 and 8126 ("... and there is no GROUP BY clause"), but queries without GROUP BY meet these
	 * texts too (DESIGN-NOTES "What DBAs type", section 4).
	 */
	public static SqlMessage notGrouped(String column, String clause) {
		int number = switch (clause) {
			case "HAVING" -> 8121;
			case "ORDER BY" -> 8127;
			default -> 8120;
		};
		String quoted = clause.equals("ORDER BY") ? "\"" + column + "\"" : "'" + column + "'";
		String place = clause.equals("select list") ? "the select list" : "the " + clause + " clause";
		return new SqlMessage(number, 16, 1, "Column " + quoted + " is invalid in " + place
				+ " because it is not contained in either an aggregate function or the GROUP BY clause.");
	}

}
