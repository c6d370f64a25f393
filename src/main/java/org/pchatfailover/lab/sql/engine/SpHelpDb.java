package org.pchatfailover.lab.sql.engine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * {@code sp_helpdb [[@dbname =] 'name']}, with the result sets of sql-docs sp-helpdb-transact-sql: every database
 * (name, db_size, owner, dbid, created, status, compatibility_level), and for one named database also its files
 * (name, fileid, filename, filegroup, size, maxsize, growth, usage). status lists the DATABASEPROPERTYEX values
 * "in the form of option_name=value", a Boolean option only when it is on. The lab keeps no sizes or creation
 * dates: its files are 8 MB and grow by 64 MB without limit, and every database shows today's date as created.
 * A database that cannot be opened (RESTORING) gets its row, then the lab's limit: SQL Server reports such a database
 * with message 15622, whose text the references do not give.
 */
final class SpHelpDb {

	static final List<Column> DATABASES = List.of(new Column("name", SqlType.nvarchar(128)),
			new Column("db_size", SqlType.nvarchar(13)), new Column("owner", SqlType.nvarchar(128)),
			new Column("dbid", SqlType.SMALLINT), new Column("created", SqlType.nvarchar(11)),
			new Column("status", SqlType.nvarchar(600)), new Column("compatibility_level", SqlType.TINYINT));

	static final List<Column> FILES = List.of(new Column("name", SqlType.nvarchar(128)),
			new Column("fileid", SqlType.SMALLINT), new Column("filename", SqlType.nvarchar(260)),
			new Column("filegroup", SqlType.nvarchar(128)), new Column("size", SqlType.nvarchar(18)),
			new Column("maxsize", SqlType.nvarchar(18)), new Column("growth", SqlType.nvarchar(18)),
			new Column("usage", SqlType.nvarchar(9)));

	/** "Mmm dd yyyy", as CONVERT style 0 writes a date: eleven characters, the column's length. */
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("MMM dd yyyy", Locale.ROOT);

	private static final int FILE_MB = 8;

	private SpHelpDb() {
	}

	/** @param name {@code @dbname}, null for every database; 15010 when the instance has no such database */
	static List<Outcome> run(LabSqlState state, String name, LocalDate created) {
		List<Database> databases = new ArrayList<>();
		for (Database database : state.databases) {
			if (name == null || database.name().equalsIgnoreCase(name)) {
				databases.add(database);
			}
		}
		if (databases.isEmpty()) {
			throw new SqlException(SqlErrors.databaseDoesNotExist(name));
		}
		List<List<Object>> rows = new ArrayList<>();
		for (Database database : databases) {
			rows.add(List.of(database.name(), String.format(Locale.ROOT, "%10.2f MB", 2.0 * FILE_MB),
					LoginPermissions.ownerOf(state, database.name()), database.id(), CREATED.format(created),
					status(state, database), 110));
		}
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(new Outcome.Rows(DATABASES, rows));
		if (name != null) {
			Database database = databases.get(0);
			if ("RESTORING".equals(database.state())) {
				outcomes.add(new Outcome.Error(List.of(SqlErrors.notSimulated("sp_helpdb of a database that cannot be "
						+ "opened (SQL Server answers 15622)"))));
				return outcomes;
			}
			String path = "D:\\SQLData\\" + database.name();
			outcomes.add(new Outcome.Rows(FILES, List.of(
					file(database.name(), 1, path + ".mdf", "PRIMARY", "data only"),
					file(database.name() + "_log", 2, path + "_log.ldf", null, "log only"))));
		}
		return outcomes;
	}

	private static List<Object> file(String name, int fileId, String fileName, String fileGroup, String usage) {
		List<Object> row = new ArrayList<>(List.of(name, fileId, fileName));
		row.add(fileGroup);
		row.addAll(List.of(FILE_MB + " MB", "UNLIMITED", "64 MB", usage));
		return row;
	}

	private static String status(LabSqlState state, Database database) {
		List<String> options = new ArrayList<>();
		for (String property : List.of("Status", "Updateability", "UserAccess", "Recovery", "Collation")) {
			Object value = SqlVariant.unwrap(ServerProperties.databaseProperty(state, database.name(), property));
			if (value != null) {
				options.add(property + "=" + value);
			}
		}
		if (database.standby()) {
			options.add("IsInStandBy");
		}
		return String.join(", ", options);
	}

}
