package org.pchatfailover.lab.sql.engine;

/**
 * The SQL Server data type of a result column, as the lab describes it to clients in COLMETADATA.
 *
 * @param kind the type
 * @param length characters for nvarchar, bytes for varbinary
 * @param precision digits for numeric
 * @param scale digits after the point for numeric
 */
public record SqlType(Kind kind, int length, int precision, int scale) {

	public enum Kind {

		NVARCHAR, BIGINT, INT, SMALLINT, TINYINT, BIT, NUMERIC, DATETIME, UNIQUEIDENTIFIER, VARBINARY, SQL_VARIANT

	}

	public static final SqlType BIGINT = new SqlType(Kind.BIGINT, 8, 0, 0);

	public static final SqlType INT = new SqlType(Kind.INT, 4, 0, 0);

	public static final SqlType SMALLINT = new SqlType(Kind.SMALLINT, 2, 0, 0);

	public static final SqlType TINYINT = new SqlType(Kind.TINYINT, 1, 0, 0);

	public static final SqlType BIT = new SqlType(Kind.BIT, 1, 0, 0);

	public static final SqlType DATETIME = new SqlType(Kind.DATETIME, 8, 0, 0);

	public static final SqlType UNIQUEIDENTIFIER = new SqlType(Kind.UNIQUEIDENTIFIER, 16, 0, 0);

	/**
	 * sql_variant: each value carries its base type ({@link SqlVariant}); 8009 is the length its TYPE_INFO declares,
	 * the most a variant holds (8000 bytes of data, type and properties).
	 */
	public static final SqlType SQL_VARIANT = new SqlType(Kind.SQL_VARIANT, 8009, 0, 0);

	/** numeric(25,0): how SQL Server types log sequence numbers. */
	public static final SqlType LSN = numeric(25, 0);

	public static SqlType nvarchar(int length) {
		return new SqlType(Kind.NVARCHAR, length, 0, 0);
	}

	public static SqlType varbinary(int length) {
		return new SqlType(Kind.VARBINARY, length, 0, 0);
	}

	public static SqlType numeric(int precision, int scale) {
		return new SqlType(Kind.NUMERIC, 0, precision, scale);
	}

}
