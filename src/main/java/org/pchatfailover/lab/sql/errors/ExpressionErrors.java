package org.pchatfailover.lab.sql.errors;

import java.util.Locale;

/**
 * SQL Server's messages about values and expressions: conversions, arithmetic, built-in functions and their
 * arguments, with the numbers, severities and texts of SQL Server's message catalogue.
 */
public final class ExpressionErrors {

	private ExpressionErrors() {
	}

	/** 174: a built-in function given the wrong number of arguments; SQL Server names it in lower case. */
	public static SqlMessage argumentCount(String function, int count) {
		return new SqlMessage(174, 15, 1, "The " + function.toLowerCase(Locale.ROOT) + " function requires "
				+ count + " argument(s).");
	}

	/** 189: a built-in function that takes a range of arguments. */
	public static SqlMessage argumentRange(String function, int min, int max) {
		return new SqlMessage(189, 15, 1, "The " + function.toLowerCase(Locale.ROOT) + " function requires "
				+ min + " to " + max + " arguments.");
	}

	/** 241: a character string that is no date and time. */
	public static SqlMessage dateConversionFailed() {
		return new SqlMessage(241, 16, 1, "Conversion failed when converting date and/or time from character string.");
	}

	/** 242 "The conversion of a %ls data type to a %ls data type resulted in an out-of-range value." */
	public static SqlMessage dateOutOfRange() {
		return new SqlMessage(242, 16, 3,
				"The conversion of a nvarchar data type to a datetime data type resulted in an out-of-range value.");
	}

	/** 248 "The conversion of the %ls value '%.*ls' overflowed an int column." */
	public static SqlMessage intOverflow(String value) {
		return new SqlMessage(248, 16, 1, "The conversion of the nvarchar value '" + value + "' overflowed an int column.");
	}

	/** 529 "Explicit conversion from data type %ls to %ls is not allowed." */
	public static SqlMessage conversionNotAllowed(String from, String to) {
		return new SqlMessage(529, 16, 2, "Explicit conversion from data type " + from + " to " + to + " is not allowed.");
	}

	/** 8114 "Error converting data type %ls to %ls.", e.g. text that is no number to numeric. */
	public static SqlMessage numericConversionFailed(String from) {
		return new SqlMessage(8114, 16, 5, "Error converting data type " + from + " to numeric.");
	}

	/** 1023 "Invalid parameter %d specified for %ls.", e.g. a datepart given as a string or variable. */
	public static SqlMessage invalidParameter(int parameter, String function) {
		return new SqlMessage(1023, 15, 1, "Invalid parameter " + parameter + " specified for "
				+ function.toLowerCase(Locale.ROOT) + ".");
	}

	/** 506 "The invalid escape character "%.*ls" was specified in a %ls predicate." */
	public static SqlMessage invalidEscape(String escape) {
		return new SqlMessage(506, 16, 1, "The invalid escape character \"" + escape + "\" was specified in a LIKE predicate.");
	}

	/** 535: DATEDIFF's count does not fit an int. */
	public static SqlMessage datediffOverflow(String function) {
		String name = function.toLowerCase(Locale.ROOT);
		return new SqlMessage(535, 16, 1, "The " + name + " function resulted in an overflow. The number of dateparts "
				+ "separating two date/time instances is too large. Try to use " + name + " with a less precise datepart.");
	}

	public static SqlMessage invalidLength() {
		return new SqlMessage(537, 16, 1, "Invalid length parameter passed to the LEFT or SUBSTRING function.");
	}

	/** 536: a negative length for another string function (RIGHT, REPLICATE, ...). */
	public static SqlMessage invalidLength(String function) {
		return new SqlMessage(536, 16, 1, "Invalid length parameter passed to the " + function + " function.");
	}

	public static SqlMessage divideByZero() {
		return new SqlMessage(8134, 16, 1, "Divide by zero error encountered.");
	}

	/** 8115 "Arithmetic overflow error converting %ls to data type %ls." */
	public static SqlMessage arithmeticOverflow(String from, String to) {
		return new SqlMessage(8115, 16, 2, "Arithmetic overflow error converting " + from + " to data type " + to + ".");
	}

	/** 8116 "Argument data type %ls is invalid for argument %d of %ls function." */
	public static SqlMessage invalidArgumentType(String type, int argument, String function) {
		return new SqlMessage(8116, 16, 1, "Argument data type " + type + " is invalid for argument " + argument + " of "
				+ function.toLowerCase(Locale.ROOT) + " function.");
	}

	/** 8117 "Operand data type %ls is invalid for %ls operator." */
	public static SqlMessage invalidOperand(String type, String operator) {
		return new SqlMessage(8117, 16, 1, "Operand data type " + type + " is invalid for " + operator + " operator.");
	}

	public static SqlMessage uniqueidentifierConversionFailed() {
		return new SqlMessage(8169, 16, 2, "Conversion failed when converting from a character string to uniqueidentifier.");
	}

}
