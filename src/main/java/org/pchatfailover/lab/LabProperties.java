package org.pchatfailover.lab;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulated secondary data centre of the {@code lab} profile ({@code pchat.lab.*}).
 *
 * @param sqlPort TCP port of the lab SQL Server (TDS), default 14330; 0 picks a free port at start-up
 * @param sshPort TCP port of the lab Lync shell (SSH), default 2222; 0 picks a free port at start-up
 * @param bindAddress address the lab listens on, default loopback
 * @param dir where the lab keeps its state, share, copy destination and secrets, default {@code ./data/lab}
 * @param scenario scenario the lab starts with when it has no state yet, default {@code normal}
 * @param sqlServerZone time zone of the lab SQL Server's Windows host, default {@code America/Chicago} (the
 * Dallas backup instance): GETDATE() and RESTORE HEADERONLY's backup dates are in it, as on a real server,
 * while the .trn file names stay UTC as log shipping writes them
 * @param sqlServerVersion the SQL Server build the lab SQL Server answers as, default {@code 11.0.7001.0} (SQL
 * Server 2012 SP4, a back end Lync Server 2013 supports); {@code 10.50.6000.34} drills a SQL Server 2008 R2 back end,
 * whose sys.dm_exec_sessions has no database_id; {@code 16.0.1000.6} (SQL Server 2022) drills a back end Lync Server
 * 2013 does not support
 * @param host how the lab pool reaches the lab, default {@code 127.0.0.1} (docker-compose: the node that runs it);
 * read by the lab pool's placeholders in {@code application-lab.yml}
 * @param servers false on an engine node that uses another node's lab instead of starting its own (read by the
 * lab servers' {@code @ConditionalOnProperty}, which runs before binding), default true
 * @param advertisedHosts further names written to the lab's known_hosts, by which other engine nodes reach it
 * @param mirrorSqlPort TCP port of the lab's backup mirror SQL Server, default 14331; 0 picks a free port
 * @param ticketingPort TCP port of the drill's ticketing system, which takes callbacks at {@code /callbacks}, default
 * 14380; 0 picks a free port ({@code GET /api/lab/state} tells which)
 * @param primarySqlPort TCP port of the lab's primary SQL Server (the rebuilt Atlanta instance a failback restores
 * to), default 14332; 0 picks a free port
 */
@Validated
@ConfigurationProperties("pchat.lab")
public record LabProperties(@DefaultValue("14330") @Min(0) @Max(65535) int sqlPort,
		@DefaultValue("2222") @Min(0) @Max(65535) int sshPort, @DefaultValue("127.0.0.1") String bindAddress,
		@DefaultValue("./data/lab") @NotNull Path dir, @DefaultValue("normal") String scenario,
		@DefaultValue("America/Chicago") @NotNull ZoneId sqlServerZone,
		@DefaultValue("11.0.7001.0") @NotBlank String sqlServerVersion, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("true") boolean servers, @DefaultValue List<String> advertisedHosts,
		@DefaultValue("14331") @Min(0) @Max(65535) int mirrorSqlPort,
		@DefaultValue("14380") @Min(0) @Max(65535) int ticketingPort,
		@DefaultValue("14332") @Min(0) @Max(65535) int primarySqlPort) {

	public LabProperties {
		advertisedHosts = (advertisedHosts == null) ? List.of() : List.copyOf(advertisedHosts);
	}

}
