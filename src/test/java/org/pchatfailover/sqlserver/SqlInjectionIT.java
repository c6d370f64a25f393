package org.pchatfailover.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.backup.BackupShareAdapter;
import org.pchatfailover.lab.sql.LabSqlExtension;
import org.pchatfailover.lab.sql.LabSqlFixture;
import org.pchatfailover.lab.sql.engine.LabSqlEngine.ReceivedRequest;
import org.pchatfailover.lab.sql.engine.Param;
import org.pchatfailover.topology.Pool;
import org.pchatfailover.topology.Secrets;

/**
 * Names that try to inject T-SQL reach the lab SQL Server only as parameter values, or not at all; the lab
 * records every request, so the test reads what really arrived on the wire.
 */
class SqlInjectionIT {

	static final String EVIL_DATABASE = "mgc'; SHUTDOWN WITH NOWAIT; --";

	@RegisterExtension
	final LabSqlExtension lab = new LabSqlExtension();

	LabSqlFixture sql;

	final SqlServerAdapter adapter = new SqlServerAdapter(new Secrets());

	@BeforeEach
	void startLab() {
		sql = lab.start("normal");
	}

	@Test
	void sendsAHostileDatabaseNameOnlyAsAParameterValue() {
		Pool pool = withDatabase(sql.pool(), EVIL_DATABASE);
		assertThatThrownBy(() -> new DatabaseRecoveryService(adapter).recoverDatabase(pool, new ActionLog()))
			.hasMessageContaining("does not exist");
		new LogShippingService(adapter, new BackupShareAdapter()).removeSecondary(pool, new ActionLog());
		assertThat(sql.lab().state().logShipping()).hasSize(1);
		List<ReceivedRequest> requests = sql.lab().receivedRequests();
		assertThat(requests).isNotEmpty();
		for (ReceivedRequest request : requests) {
			assertThat(request.text()).doesNotContain("SHUTDOWN");
			assertThat(request.params()).filteredOn(p -> String.valueOf(p.value()).contains("SHUTDOWN"))
				.allSatisfy(p -> assertThat(p.value()).isEqualTo(EVIL_DATABASE));
			if (!request.params().isEmpty()) {
				assertThat(String.valueOf(request.params().get(0).value())).doesNotContain("SHUTDOWN");
			}
		}
		assertThat(requests).flatMap(ReceivedRequest::params).map(Param::value).contains(EVIL_DATABASE);
		assertThat(sql.lab().state().database("mgc").state()).isEqualTo("RESTORING");
	}

	@Test
	void neverSendsAFileWhoseNameIsNotALogBackupName() throws Exception {
		String evil = "mgc_20261125080000.trn' ; RESTORE DATABASE mgc WITH RECOVERY; --.trn";
		Files.copy(sql.copy().resolve(Files.list(sql.copy()).sorted().findFirst().orElseThrow().getFileName()),
				sql.copy().resolve(evil));
		new LogShippingService(adapter, new BackupShareAdapter()).planFailover(sql.pool(), new ActionLog());
		assertThat(sql.lab().receivedRequests()).flatMap(ReceivedRequest::params)
			.noneMatch(p -> String.valueOf(p.value()).contains("WITH RECOVERY"));
		assertThat(sql.lab().receivedRequests()).noneMatch(r -> r.text().contains("WITH RECOVERY"));
	}

	private static Pool withDatabase(Pool pool, String database) {
		return new Pool(pool.fqdn(), database, pool.backupSql(), pool.backupMirrorSql(), pool.mirrorFileShare(),
				pool.backupDataCenter(), pool.activeServerCandidates(), pool.shares(), pool.lyncShell(), pool.lyncVersion(),
				pool.activeServersIdentity());
	}

}
