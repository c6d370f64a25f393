package org.pchatfailover.lab.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pchatfailover.lab.sql.errors.SqlException;

/** The T-SQL the lab understands, written the ways drivers, sqlcmd and DBAs write it. */
class SqlParserTest {

	@Test
	void parsesTheSelectMssqlJdbcSendsForAPreparedStatement() {
		List<Statement> statements = SqlParser.parse("SELECT state_desc FROM sys.databases WHERE name = @P0");
		Statement.Select select = (Statement.Select) statements.get(0);
		assertThat(select.from().name()).containsExactly("sys", "databases");
		assertThat(select.where())
			.isEqualTo(new Predicate.Comparison(new Expr.ColumnRef("name"), "=", new Expr.Variable("@P0")));
	}

	@Test
	void parsesCastWithItsTargetTypeAsSecondArgument() {
		Statement.Select select = (Statement.Select) SqlParser
			.parse("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128))").get(0);
		assertThat(select.items().get(0).expr()).isEqualTo(new Expr.Call("CAST",
				List.of(new Expr.Call("SERVERPROPERTY", List.of(new Expr.Literal("ProductVersion"))),
						new Expr.Literal("nvarchar(128)"))));
	}

	@Test
	void parsesArithmeticWithTsqlPrecedence() {
		Statement.Select select = (Statement.Select) SqlParser.parse("SELECT 1 + 2 * -size / 128, 'a' + name").get(0);
		assertThat(select.items().get(0).expr()).isEqualTo(new Expr.Binary("+", new Expr.Literal(1),
				new Expr.Binary("/", new Expr.Binary("*", new Expr.Literal(2),
						new Expr.Binary("-", new Expr.Literal(0), new Expr.ColumnRef("size"))), new Expr.Literal(128))));
		assertThat(select.items().get(1).expr())
			.isEqualTo(new Expr.Binary("+", new Expr.Literal("a"), new Expr.ColumnRef("name")));
	}

	@Test
	void parsesConvertWithItsTargetTypeFirstAndAggregatesWithStar() {
		Statement.Select select = (Statement.Select) SqlParser
			.parse("SELECT CONVERT(varchar(19), restore_date, 120), COUNT(*), COUNT(DISTINCT d.name) FROM x").get(0);
		assertThat(select.items().get(0).expr()).isEqualTo(new Expr.Call("CONVERT", List.of(
				new Expr.Literal("varchar(19)"), new Expr.ColumnRef("restore_date"), new Expr.Literal(120))));
		assertThat(select.items().get(1).expr()).isEqualTo(new Expr.Aggregate("COUNT", null, false));
		assertThat(select.items().get(2).expr())
			.isEqualTo(new Expr.Aggregate("COUNT", new Expr.ColumnRef("d", "name"), true));
	}

	/** Valid T-SQL the lab does not evaluate is the lab's limit (40517), never the DBA's syntax error. */
	@Test
	void refusesValidExpressionsItDoesNotEvaluateAsNotSimulated() {
		for (String sql : List.of("SELECT CASE WHEN 1 = 1 THEN 'y' END", "SELECT (SELECT 1)", "SELECT 1 & 3",
				"SELECT TRY_CAST('1' AS int)", "SELECT ROW_NUMBER() OVER (ORDER BY name) FROM sys.databases",
				"SELECT dbo.fn_x(1)", "SELECT IIF(1 = 1, 'y', 'n')", "DECLARE @files TABLE (name sysname)",
				"DECLARE files CURSOR FOR SELECT name FROM sys.databases", "SELECT * FROM (SELECT 1 AS a) AS t",
				"SELECT name FROM sys.databases CROSS APPLY sys.master_files", "SELECT TOP 10 PERCENT name FROM sys.databases",
				"RESTORE LABELONLY FROM DISK = 'x'")) {
			assertThatThrownBy(() -> SqlParser.parse(sql)).as(sql)
				.isInstanceOfSatisfying(SqlException.class, ex -> assertThat(ex.number()).isEqualTo(40517));
		}
	}

	/** Keywords in the wrong place are 156, as on SQL Server; a misplaced name or symbol 102. */
	@Test
	void blamesAMisplacedKeywordWith156() {
		for (String sql : List.of("SELECT name FROM sys.databases WHERE ORDER BY name", "SELECT FROM sys.databases",
				"SELECT name, FROM sys.databases", "SELECT name FROM sys.databases GROUP BY HAVING 1 = 1")) {
			assertThatThrownBy(() -> SqlParser.parse(sql)).as(sql)
				.isInstanceOfSatisfying(SqlException.class, ex -> assertThat(ex.number()).isEqualTo(156));
		}
		assertThatThrownBy(() -> SqlParser.parse("SELECT name FROM sys.databases ORDER name"))
			.isInstanceOfSatisfying(SqlException.class, ex -> assertThat(ex.number()).isEqualTo(102));
	}

	@Test
	void parsesPrintAndTheRestoresThatOnlyReadABackup() {
		List<Statement> statements = SqlParser.parse("PRINT N'drill: ' + @@SERVERNAME; RESTORE FILELISTONLY FROM DISK = "
				+ "@file; RESTORE VERIFYONLY FROM DISK = N'x.trn' WITH CHECKSUM");
		assertThat(statements.get(0)).isInstanceOf(Statement.Print.class);
		assertThat(statements.subList(1, 3)).extracting(s -> ((Statement.RestoreInspect) s).what())
			.containsExactly("FILELISTONLY", "VERIFYONLY");
	}

	/** NOT before AND before OR; a parenthesis opens a condition or an expression. */
	@Test
	void parsesSearchConditionsWithTheirPrecedence() {
		Statement.Select select = (Statement.Select) SqlParser.parse("SELECT name FROM sys.databases WHERE name LIKE "
				+ "'m%' ESCAPE '!' OR NOT database_id IN (1, 2) AND (state_desc IS NOT NULL OR (size + 1) * 8 > 0)").get(0);
		Expr size = new Expr.Binary("*", new Expr.Binary("+", new Expr.ColumnRef("size"), new Expr.Literal(1)),
				new Expr.Literal(8));
		assertThat(select.where()).isEqualTo(new Predicate.Or(
				new Predicate.Like(new Expr.ColumnRef("name"), new Expr.Literal("m%"), new Expr.Literal("!"), false),
				new Predicate.And(
						new Predicate.Not(new Predicate.In(new Expr.ColumnRef("database_id"),
								List.of(new Expr.Literal(1), new Expr.Literal(2)), false)),
						new Predicate.Or(new Predicate.IsNull(new Expr.ColumnRef("state_desc"), true),
								new Predicate.Comparison(size, ">", new Expr.Literal(0))))));
		Statement.If test = (Statement.If) SqlParser.parse("IF @@TRANCOUNT NOT BETWEEN 1 AND 2 COMMIT TRAN").get(0);
		assertThat(test.condition()).isEqualTo(new Predicate.Between(new Expr.Global("@@TRANCOUNT"),
				new Expr.Literal(1), new Expr.Literal(2), true));
	}

	@Test
	void readsBracketsQuotesCommentsAndCaseFreely() {
		List<Statement> statements = SqlParser.parse("""
				-- what a DBA types
				select TOP (1) [name] AS n from [msdb].[dbo].[log_shipping_secondary_databases] /* x /* nested */ */
				where secondary_database = N'it''s' order by name desc;
				restore log [mgc] from disk = N'\\\\h\\s\\mgc_1.trn' with norecovery, stats = 10
				""");
		Statement.Select select = (Statement.Select) statements.get(0);
		assertThat(select.top()).isEqualTo(new Expr.Literal(1));
		assertThat(select.items().get(0).alias()).isEqualTo("n");
		assertThat(((Predicate.Comparison) select.where()).right()).isEqualTo(new Expr.Literal("it's"));
		assertThat(select.orderBy()).containsExactly(new Statement.OrderItem(new Expr.ColumnRef("name"), true));
		Statement.Restore restore = (Statement.Restore) statements.get(1);
		assertThat(restore.log()).isTrue();
		assertThat(restore.database()).isEqualTo(new Expr.Literal("mgc"));
		assertThat(restore.device()).isEqualTo(new Expr.Literal("\\\\h\\s\\mgc_1.trn"));
		assertThat(restore.options()).containsExactly("NORECOVERY", "STATS");
	}

	@Test
	void parsesDeclareBatchesAndExecWithNamedArguments() {
		List<Statement> statements = SqlParser.parse(
				"DECLARE @db sysname = N'mgc', @n int; SET @n = 1; EXEC master.dbo.sp_delete_log_shipping_secondary_database @secondary_database = @db");
		assertThat(statements).hasSize(3);
		Statement.Exec exec = (Statement.Exec) statements.get(2);
		assertThat(exec.procedure()).containsExactly("master", "dbo", "sp_delete_log_shipping_secondary_database");
		assertThat(exec.arguments()).containsExactly(
				new Statement.Argument("@secondary_database", new Expr.Variable("@db")));
	}

	@Test
	void parsesTheSessionSettingsJtdsSendsOnConnectWithoutSemicolons() {
		List<Statement> statements = SqlParser.parse("SELECT @@MAX_PRECISION\r\n"
				+ "SET TRANSACTION ISOLATION LEVEL READ COMMITTED\r\nSET IMPLICIT_TRANSACTIONS OFF\r\n"
				+ "SET QUOTED_IDENTIFIER ON\r\nSET TEXTSIZE 2147483647");
		assertThat(statements).hasSize(5);
		assertThat(statements.subList(1, 5)).containsExactly(
				new Statement.SetOption("TRANSACTION ISOLATION LEVEL", "READ COMMITTED"),
				new Statement.SetOption("IMPLICIT_TRANSACTIONS", "OFF"), new Statement.SetOption("QUOTED_IDENTIFIER", "ON"),
				new Statement.SetOption("TEXTSIZE", "2147483647"));
		assertThatThrownBy(() -> SqlParser.parse("SET TRANSACTION ISOLATION LEVEL READ SOMETIMES"))
			.isInstanceOfSatisfying(SqlException.class, ex -> assertThat(ex.number()).isEqualTo(102));
	}

	@Test
	void killTakesALiteralIntegerOnly() {
		assertThat(SqlParser.parse("KILL 57")).containsExactly(new Statement.Kill(57));
		assertThatThrownBy(() -> SqlParser.parse("KILL @id")).isInstanceOfSatisfying(SqlException.class,
				ex -> assertThat(ex.number()).isEqualTo(102));
	}

	@Test
	void refusesWhatItDoesNotSimulate() {
		assertThatThrownBy(() -> SqlParser.parse("DROP DATABASE mgc")).isInstanceOfSatisfying(SqlException.class,
				ex -> assertThat(ex.number()).isEqualTo(40517));
		assertThatThrownBy(() -> SqlParser.parse("SELECT 'open")).isInstanceOfSatisfying(SqlException.class,
				ex -> assertThat(ex.number()).isEqualTo(105));
		assertThatThrownBy(() -> SqlParser.parse("RESTORE LOG mgc FROM TAPE = 'x'"))
			.isInstanceOfSatisfying(SqlException.class, ex -> assertThat(ex.number()).isEqualTo(40517));
	}

}
