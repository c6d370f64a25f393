package org.pchatfailover.sqlserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;

import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool.SqlInstance;
import org.pchatfailover.topology.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens mssql-jdbc connections to a pool's SQL Server instance with the configured login; the password is read
 * from its environment variable or file at that moment and goes nowhere else. The statements themselves are on
 * {@link SqlServerConnection}, one method each, every value a parameter.
 */
@Component
public class SqlServerAdapter {

	private static final Logger log = LoggerFactory.getLogger(SqlServerAdapter.class);

	private final Secrets secrets;

	public SqlServerAdapter(Secrets secrets) {
		this.secrets = secrets;
	}

	/** Connects, or throws a {@link SqlServerException} naming the instance and why it cannot be reached. */
	public SqlServerConnection connect(SqlInstance instance, ActionLog actions) {
		return connect(instance, actions, new Properties());
	}

	/**
	 * Connects, giving up on the login and on every read after {@code timeout}: for a probe that must not hang on
	 * an instance that accepts the TCP connection and then says nothing. mssql-jdbc gives properties passed beside
	 * the URL precedence over the URL's own ({@code loginTimeout}, seconds; {@code socketTimeout}, milliseconds).
	 */
	public SqlServerConnection connect(SqlInstance instance, ActionLog actions, Duration timeout) {
		Properties timeouts = new Properties();
		timeouts.setProperty("loginTimeout", Long.toString(Math.max(1, timeout.toSeconds())));
		timeouts.setProperty("socketTimeout", Long.toString(Math.max(1, timeout.toMillis())));
		return connect(instance, actions, timeouts);
	}

	private SqlServerConnection connect(SqlInstance instance, ActionLog actions, Properties properties) {
		String target = instance.displayName();
		if (instance.jdbcUrl() == null || instance.jdbcUrl().isBlank()) {
			throw new IllegalStateException("no jdbc-url configured for SQL Server " + target);
		}
		Instant started = Instant.now();
		char[] password = null;
		try {
			if (instance.user() != null && !instance.user().isBlank()) {
				properties.setProperty("user", instance.user());
				password = secrets.password(instance.passwordEnv(), instance.passwordFile(), "SQL login for " + target);
				properties.setProperty("password", password == null ? "" : new String(password));
			}
			Connection connection = DriverManager.getConnection(instance.jdbcUrl(), properties);
			actions.record(target, "check", "connect as " + describeLogin(instance), "connected", true,
					Duration.between(started, Instant.now()));
			log.info("connected to SQL Server {}", target);
			return new SqlServerConnection(connection, target, actions);
		}
		catch (SQLException ex) {
			String message = "cannot connect to SQL Server " + target + ": " + ConnectFailure.reason(ex);
			actions.record(target, "check", "connect as " + describeLogin(instance), message, false,
					Duration.between(started, Instant.now()));
			int number = ex.getErrorCode() == 0 ? SqlServerException.UNREACHABLE : ex.getErrorCode();
			throw new SqlServerException(message, number, target, "connect", ex);
		}
		finally {
			if (password != null) {
				Arrays.fill(password, '\0');
			}
			properties.remove("password");
		}
	}

	private static String describeLogin(SqlInstance instance) {
		return (instance.user() == null || instance.user().isBlank()) ? "integrated login" : "login " + instance.user();
	}

}
