package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario interrupted-restore: the restore job stopped part way through the sixth log backup. SQL Server then
 * refuses any other log with 4319 (and 3013) until that file is restored again, WITH RESTART or without.
 */
class LabSqlInterruptedRestoreIT {

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	List<String> copied;

	@BeforeEach
	void startLab() {
		sql = lab.start("interrupted-restore");
		copied = sql.lab().state().copyFiles();
	}

	String device(int index) {
		return LabSqlFixture.COPY_UNC + "\\" + copied.get(index);
	}

	@Test
	void refusesEveryOtherLogWith4319NamingTheInterruptedFileThen3013() throws SQLException {
		assertThat(sql.lab().state().database("mgc").interruptedRestore()).isEqualTo(device(5));
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			for (int other : new int[] { 6, 7, 4 }) {
				assertThatThrownBy(() -> statement.execute(restoreLog(other, "NORECOVERY")))
					.isInstanceOfSatisfying(SQLException.class, ex -> {
						assertThat(ex.getErrorCode()).isEqualTo(4319);
						assertThat(ex.getMessage()).isEqualTo("A previous restore operation was interrupted and did not "
								+ "complete processing on file '" + device(5) + "'. Either restore the backup set that "
								+ "was interrupted or restart the restore sequence.");
						SQLException next = ex.getNextException();
						assertThat((Object) next).as("3013 after 4319").isNotNull();
						assertThat(next.getErrorCode()).isEqualTo(3013);
						assertThat(next.getMessage()).isEqualTo("RESTORE LOG is terminating abnormally.");
					});
			}
		}
		assertThat(sql.lab().state().restoreHistory()).hasSize(5);
		assertThat(sql.lab().state().database("mgc").interruptedRestore()).isEqualTo(device(5));
	}

	@Test
	void completesTheInterruptedFileWithRestartFromTheBeginningWhenThereIsNoCheckpointFile() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute(restoreLog(5, "NORECOVERY, RESTART"));
			assertThat(warnings(statement)).first().satisfies(warning -> {
				assertThat(warning.getErrorCode()).isEqualTo(3018);
				assertThat(warning.getMessage()).isEqualTo("The restart-checkpoint file 'D:\\SQLData\\mgc_restart.ckp' "
						+ "was not found. The RESTORE command will continue from the beginning as if RESTART had not "
						+ "been specified.");
			});
			statement.execute(restoreLog(6, "NORECOVERY"));
		}
		LabSqlSnapshot state = sql.lab().state();
		assertThat(state.database("mgc").interruptedRestore()).isNull();
		assertThat(state.database("mgc").state()).isEqualTo("RESTORING");
		assertThat(state.restoreHistory()).hasSize(7);
		assertThat(state.restoreHistory().get(5).file()).isEqualTo(device(5));
		assertThat(state.restoreHistory().get(6).file()).isEqualTo(device(6));
	}

	@Test
	void completesTheInterruptedFileRestoredAgainWithoutRestart() throws SQLException {
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			statement.execute(restoreLog(5, "NORECOVERY"));
			assertThat(warnings(statement)).noneMatch(w -> w.getErrorCode() == 3018);
			statement.execute(restoreLog(6, "NORECOVERY"));
			statement.execute(restoreLog(7, "NORECOVERY"));
		}
		assertThat(sql.lab().state().restoreHistory()).hasSize(8);
		assertThat(sql.lab().state().database("mgc").interruptedRestore()).isNull();
	}

	@Test
	void remembersTheInterruptedRestoreAcrossARestart() throws SQLException {
		sql.restart();
		try (Connection connection = sql.connect(); Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute(restoreLog(6, "NORECOVERY")))
				.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(4319));
		}
	}

	private String restoreLog(int index, String options) {
		return "RESTORE LOG mgc FROM DISK = N'" + device(index) + "' WITH " + options;
	}

	private static List<SQLWarning> warnings(Statement statement) throws SQLException {
		List<SQLWarning> warnings = new ArrayList<>();
		for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
			warnings.add(w);
		}
		return warnings;
	}

}
