package org.pchatfailover.topology;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Persistent Chat topology the failover acts on, bound from {@code pchat.*}. A bad value stops start-up,
 * not a failover in the middle of an outage.
 *
 * @param pools the Persistent Chat pools this installation can fail over (at least one)
 */
@Validated
@ConfigurationProperties("pchat")
public record PchatProperties(@NotEmpty @Valid List<Pool> pools) {

}
