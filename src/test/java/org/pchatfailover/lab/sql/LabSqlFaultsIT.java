package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lab SQL Server's faults as a DBA meets them with an ordinary TDS client: an instance that refuses connections,
 * a backup share it cannot reach (operating system error 53), a torn copy (3241); each switched off, everything is as
 * it was.
 */
class LabSqlFaultsIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	@Test
	void refusesConnectionsAndDropsLiveOnesWhileDownThenServesTheSameDatabases() throws SQLException {
		LabSqlFixture sql = lab.start("normal");
		LabSqlSnapshot before = sql.lab().state();
		try (Connection live = sql.connect()) {
			sql.lab().refuseConnections(true);

			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> query(live, "SELECT 1"));
			// refused at TCP, as a host whose SQL Server service is stopped: no listener, not a dropped pre-login
			assertThatExceptionOfType(SQLException.class).isThrownBy(sql::connect)
				.withMessageContaining("Error: \"Connection refused");
			String[] endpoint = sql.lab().state().endpoint().split(":");
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> new Socket(endpoint[0], Integer.parseInt(endpoint[1])).close());
			assertThat(sql.lab().state().instanceDown()).isTrue();
		}
		sql.lab().refuseConnections(false);

		try (Connection connection = sql.connect()) {
			assertThat(query(connection, "SELECT state_desc FROM sys.databases WHERE name = 'mgc'")).isEqualTo("RESTORING");
		}
		assertThat(sql.lab().state().databases()).isEqualTo(before.databases());
		assertThat(sql.lab().state().instanceDown()).isFalse();
	}

	@Test
	void answersError53ForTheUnreachableShareAndKeepsItsFilesForWhenItIsBack() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		List<String> files = sql.lab().state().shareFiles();
		byte[] newest = Files.readAllBytes(sql.share().resolve(files.get(7)));
		String device = LabSqlFixture.SHARE_UNC + "\\" + files.get(7);

		sql.lab().shareReachable(false);

		assertThat(sql.share()).doesNotExist();
		assertThat(sql.lab().state().shareFiles()).isEmpty();
		try (Connection connection = sql.connect()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> headerOnly(connection, device))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo(3201))
				.withMessage("Cannot open backup device '" + device
						+ "'. Operating system error 53(The network path was not found.).");
			assertThat(headerOnly(connection, LabSqlFixture.COPY_UNC + "\\" + files.get(7)))
				.as("the copy destination is the backup instance's own").isEqualTo("mgc");
		}
		sql.restart();
		assertThat(sql.lab().state().shareFiles()).as("a restarted lab: still unreachable").isEmpty();

		sql.lab().shareReachable(true);

		assertThat(sql.lab().state().shareFiles()).isEqualTo(files);
		assertThat(Files.readAllBytes(sql.share().resolve(files.get(7)))).isEqualTo(newest);
		try (Connection connection = sql.connect()) {
			assertThat(headerOnly(connection, device)).isEqualTo("mgc");
		}
	}

	@Test
	void tearsTheNextLogBackupMgcNeedsAndPutsTheWholeCopyBack() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		String next = sql.lab().state().copyFiles().get(5);
		Path copied = sql.copy().resolve(next);
		byte[] whole = Files.readAllBytes(copied);
		String device = LabSqlFixture.COPY_UNC + "\\" + next;

		assertThat(sql.lab().tearCopy()).isEqualTo(next + " in the copy destination cut to " + whole.length / 2
				+ " of its " + whole.length + " bytes");
		assertThat(sql.lab().tearCopy()).as("torn already: nothing more").contains(next);

		assertThat(Files.size(copied)).isEqualTo(whole.length / 2);
		try (Connection connection = sql.connect()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> headerOnly(connection, device))
				.satisfies(ex -> assertThat(ex.getErrorCode()).isEqualTo(3241))
				.withMessageContaining("'" + device + "' is incorrectly formed");
		}
		sql.lab().mendCopy();

		assertThat(Files.readAllBytes(copied)).isEqualTo(whole);
		try (Connection connection = sql.connect()) {
			assertThat(headerOnly(connection, device)).isEqualTo("mgc");
		}
	}

	@Test
	void leavesACopyThatReplacedTheTornOneWhenSwitchedOff() throws Exception {
		LabSqlFixture sql = lab.start("normal");
		String next = sql.lab().state().copyFiles().get(5);
		sql.lab().tearCopy();
		Files.write(sql.copy().resolve(next), new byte[] { 1, 2, 3 });

		sql.lab().mendCopy();

		assertThat(Files.readAllBytes(sql.copy().resolve(next))).containsExactly(1, 2, 3);
	}

	private static String headerOnly(Connection connection, String device) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
			statement.setString(1, device);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString("DatabaseName");
			}
		}
	}

	private static String query(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

}
