package org.pchatfailover.sqlserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.pchatfailover.actionlog.ActionLog;

/**
 * Runs statements on one connection the way every statement of the failover runs: values as parameters of a
 * prepared statement ({@code sp_executesql} on the wire), the statement and its outcome recorded in the step's
 * {@link ActionLog} with the parameter values shown, a failure turned into a {@link SqlServerException} naming
 * the instance, the error number and the statement.
 */
final class RecordedStatements implements AutoCloseable {

	private final Connection connection;

	private final String instance;

	private final ActionLog actions;

	RecordedStatements(Connection connection, String instance, ActionLog actions) {
		this.connection = connection;
		this.instance = instance;
		this.actions = actions;
	}

	<T> T query(String what, String sql, List<Object> params, RowReader<T> reader) {
		Instant started = Instant.now();
		try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
			T result = reader.read(rows);
			record(describe(sql, params), String.valueOf(result instanceof Optional<?> o ? o.orElse(null) : result),
					true, started);
			return result;
		}
		catch (SQLException ex) {
			throw failure(what, describe(sql, params), ex, started);
		}
	}

	void update(String what, String sql, List<Object> params) {
		Instant started = Instant.now();
		try (PreparedStatement statement = prepare(sql, params)) {
			statement.execute();
			record(describe(sql, params), "succeeded", true, started);
		}
		catch (SQLException ex) {
			throw failure(what, describe(sql, params), ex, started);
		}
	}

	/** A statement that takes no parameters at all ({@code KILL}): the caller vouches for its text. */
	void executeLiteral(String what, String sql, String outcome) {
		Instant started = Instant.now();
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
			record(sql, outcome, true, started);
		}
		catch (SQLException ex) {
			throw failure(what, sql, ex, started);
		}
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the work is done or already failed; a close error adds nothing an operator can act on
		}
	}

	private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < params.size(); i++) {
			Object value = params.get(i);
			if (value instanceof Integer number) {
				statement.setInt(i + 1, number);
			}
			else {
				statement.setString(i + 1, String.valueOf(value));
			}
		}
		return statement;
	}

	private SqlServerException failure(String what, String statement, SQLException ex, Instant started) {
		String message = what + " on " + instance + " failed: " + ex.getErrorCode() + " " + ex.getMessage();
		record(statement, ex.getErrorCode() + " " + ex.getMessage(), false, started);
		int number = ex.getErrorCode() == 0 ? SqlServerException.UNREACHABLE : ex.getErrorCode();
		return new SqlServerException(message, number, instance, statement, ex);
	}

	private void record(String statement, String outcome, boolean succeeded, Instant started) {
		actions.record(instance, "sql", statement, outcome, succeeded, Duration.between(started, Instant.now()));
	}

	/** The statement with its parameter values, as the report shows it: {@code ... WHERE name = @P0 [@P0 = N'mgc']}. */
	static String describe(String sql, List<Object> params) {
		StringBuilder text = new StringBuilder();
		int index = 0;
		for (char c : sql.toCharArray()) {
			if (c == '?') {
				text.append("@P").append(index++);
			}
			else {
				text.append(c);
			}
		}
		for (int i = 0; i < params.size(); i++) {
			Object value = params.get(i);
			text.append(i == 0 ? " [" : ", ").append("@P").append(i).append(" = ")
				.append(value instanceof Integer ? value : "N'" + String.valueOf(value).replace("'", "''") + "'");
		}
		return params.isEmpty() ? text.toString() : text.append(']').toString();
	}

	@FunctionalInterface
	interface RowReader<T> {

		T read(ResultSet rows) throws SQLException;

	}

}
