package org.pchatfailover.cluster;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This engine node among the others on one engine database ({@code pchat.node.*}).
 *
 * @param id the node's name, the job executor's lock owner; unique per live node and the same across its restarts,
 * so a restarted node knows which job locks were its own. Default: read from {@code id-file}, made there once
 * (host name and a random suffix)
 * @param idFile where a node without {@code id} keeps the one it made, default {@code ./data/node-id}
 * @param jobLock how long a job the node acquired stays locked to it, default {@code PT12H}: longer than any step
 * (a lock that runs out under a running step lets the step start a second time). A dead node's locks do not wait
 * for it: the living release them after three silent heartbeats, a restarted node its own at once
 * @param heartbeat how often the node shows it is alive, default {@code PT5S}; a node whose heartbeat stood still
 * for three of them is dead: its job locks are released and its id may be taken by its next start
 */
@Validated
@ConfigurationProperties("pchat.node")
public record NodeProperties(@Pattern(regexp = NodeProperties.ID, message = "letters, digits, '.', '_', '-'; 1 to 64") String id,
		@DefaultValue("./data/node-id") @NotNull Path idFile, @DefaultValue("PT12H") @NotNull Duration jobLock,
		@DefaultValue("PT5S") @NotNull Duration heartbeat) {

	static final String ID = "^[A-Za-z0-9._-]{1,64}$";

	public NodeProperties {
		if (jobLock.compareTo(Duration.ofSeconds(3)) < 0 || heartbeat.compareTo(Duration.ofMillis(100)) < 0) {
			throw new IllegalArgumentException("pchat.node.job-lock must be at least PT3S and pchat.node.heartbeat at "
					+ "least PT0.1S; got " + jobLock + " and " + heartbeat);
		}
	}

	/** How long a node's heartbeat may stand still before the others take it for dead. */
	Duration deadAfter() {
		return heartbeat.multipliedBy(3);
	}

}
