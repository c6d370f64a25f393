package org.pchatfailover.lab.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lab's scenarios for the readiness check, as a DBA finds them with RESTORE HEADERONLY and a file listing. */
class LabSqlScenariosIT {

	static final long TWO_TIB = 2L << 40;

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	/** One RESTORE HEADERONLY row: the LSNs and the backup's start as an instant. */
	record Header(BigDecimal firstLsn, BigDecimal lastLsn, Instant started) {
	}

	@Test
	void staleLogsShowsAnIntactChainWhoseNewestLogBackupIsThreeHoursOld() throws SQLException {
		Instant reset = Instant.now();
		sql = lab.start("stale-logs");
		List<String> onShare = sql.lab().state().shareFiles();
		assertThat(onShare).hasSize(8);
		assertThat(sql.lab().state().copyFiles()).isEqualTo(onShare);
		List<Header> headers = headers(LabSqlFixture.SHARE_UNC, onShare);
		for (int i = 1; i < headers.size(); i++) {
			assertThat(headers.get(i).firstLsn()).as("chain at " + onShare.get(i)).isEqualTo(headers.get(i - 1).lastLsn());
		}
		Instant newest = headers.get(headers.size() - 1).started();
		assertThat(Duration.between(newest, reset)).isBetween(Duration.ofHours(3).minusSeconds(1),
				Duration.ofHours(3).plusMinutes(1));
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("RESTORING");
		assertThat(sql.lab().state().restoreHistory()).hasSize(5);
	}

	@Test
	void fullCopyDestinationLeavesLogBackupsOnTheShareLargerThanTheCopyDestinationsFreeSpace() throws Exception {
		sql = lab.start("full-copy-destination");
		List<String> uncopied = new ArrayList<>(sql.lab().state().shareFiles());
		uncopied.removeAll(sql.lab().state().copyFiles());
		assertThat(uncopied).hasSize(2);
		long pending = 0;
		for (String name : uncopied) {
			long size = Files.size(sql.share().resolve(name));
			assertThat(size).isGreaterThanOrEqualTo(TWO_TIB);
			pending += size;
		}
		assertThat(pending).isGreaterThan(Files.getFileStore(sql.copy()).getUsableSpace());
		// RESTORE HEADERONLY reads the header of a multi-terabyte file only: the chain goes on through them
		List<Header> headers = headers(LabSqlFixture.SHARE_UNC, sql.lab().state().shareFiles());
		for (int i = 1; i < headers.size(); i++) {
			assertThat(headers.get(i).firstLsn()).isEqualTo(headers.get(i - 1).lastLsn());
		}
	}

	@Test
	void refusesASparseLogBackupCutShortWith3241FromItsHeaderAndLength() throws Exception {
		sql = lab.start("full-copy-destination");
		String newest = sql.lab().state().shareFiles().get(7);
		Path file = sql.share().resolve(newest);
		try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw")) {
			cut.setLength(cut.length() - 100);
		}
		assertThatThrownBy(() -> headers(LabSqlFixture.SHARE_UNC, List.of(newest)))
			.isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(3241));
	}

	private List<Header> headers(String folder, List<String> names) throws SQLException {
		List<Header> headers = new ArrayList<>();
		try (Connection connection = sql.connect();
				PreparedStatement statement = connection.prepareStatement("RESTORE HEADERONLY FROM DISK = ?")) {
			for (String name : names) {
				statement.setString(1, folder + "\\" + name);
				try (ResultSet rows = statement.executeQuery()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString("DatabaseName")).isEqualTo("mgc");
					LocalDateTime started = rows.getObject("BackupStartDate", LocalDateTime.class);
					headers.add(new Header(rows.getBigDecimal("FirstLSN"), rows.getBigDecimal("LastLSN"),
							started.atZone(LabSqlFixture.SERVER_ZONE).toInstant()));
				}
			}
		}
		return headers;
	}

}
