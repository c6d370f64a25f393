package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.lab.sql.engine.PersistentChatServers;
import org.pchatfailover.lab.sql.engine.PersistentChatServers.ServerIdentityRow;

/**
 * mgc's Persistent Chat table dbo.tblServerIdentity as a DBA reads it: not at all while mgc is RESTORING (927), the
 * Atlanta servers' stale pings log shipping brought once it is recovered, or whatever the lab was given to show.
 */
class LabSqlPersistentChatIT {

	static final String SELECT = "SELECT serverID, serverAddress, serverLastPingTime FROM ";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	@Test
	void refusesToOpenMgcWhileItIsInTheMiddleOfARestore() throws SQLException {
		sql = lab.start("normal");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			for (String table : List.of("[mgc].dbo.tblServerIdentity", "mgc.dbo.tblServerIdentity", "mgc.dbo.nothing")) {
				assertThatThrownBy(() -> statement.executeQuery(SELECT + table))
					.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(927))
					.hasMessage("Database 'mgc' cannot be opened. It is in the middle of a restore.");
			}
		}
	}

	@Test
	void showsTheAtlantaServersWithThePingsOfTheNewestLogRestoredOnceMgcIsRecovered() throws SQLException {
		sql = lab.start("normal");
		String newestRestored = sql.lab().state().restoreHistory().get(4).file();
		LocalDateTime finished;
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet header = statement.executeQuery("RESTORE HEADERONLY FROM DISK = N'" + newestRestored + "'")) {
				assertThat(header.next()).isTrue();
				finished = header.getObject("BackupFinishDate", LocalDateTime.class);
			}
			statement.execute("RESTORE DATABASE mgc WITH RECOVERY");
			for (String table : List.of("[mgc].dbo.tblServerIdentity", "mgc.dbo.tblServerIdentity")) {
				assertThat(rows(statement, SELECT + table)).containsExactly(
						List.of(1, "net.tcp://atl-pc-001.litwareinc.com/ChannelServer", finished),
						List.of(2, "net.tcp://atl-pc-002.litwareinc.com/ChannelServer", finished));
			}
			assertThatThrownBy(() -> statement.executeQuery(SELECT + "mgc.dbo.nothing"))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(208));
		}
	}

	@Test
	void readsAStandbyCopyWhichIsOnline() throws SQLException {
		sql = lab.start("standby");
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThat(rows(statement, SELECT + "mgc.dbo.tblServerIdentity")).hasSize(2);
		}
	}

	@Test
	void showsTheRowsOfThePersistentChatServersItWasGiven() throws SQLException {
		List<Instant> asked = new ArrayList<>();
		PersistentChatServers live = (database, at, restoredUpTo) -> {
			asked.add(at.toInstant());
			assertThat(at.getZone()).isEqualTo(LabSqlFixture.SERVER_ZONE);
			return List.of(new ServerIdentityRow(7, "net.tcp://dal-pc-001.litwareinc.com/ChannelServer",
					at.toLocalDateTime().withNano(0)));
		};
		sql = lab.start("standby", live);
		ZonedDateTime before = ZonedDateTime.now(LabSqlFixture.SERVER_ZONE).withNano(0);
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			List<List<Object>> rows = rows(statement, SELECT + "mgc.dbo.tblServerIdentity");
			assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row.get(0)).isEqualTo(7);
				assertThat((LocalDateTime) row.get(2)).isAfterOrEqualTo(before.toLocalDateTime());
			});
		}
		assertThat(asked).hasSize(1);
	}

	private static List<List<Object>> rows(Statement statement, String query) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(query)) {
			while (result.next()) {
				rows.add(List.of(result.getInt(1), result.getString(2),
						result.getObject(3, LocalDateTime.class)));
			}
		}
		return rows;
	}

}
