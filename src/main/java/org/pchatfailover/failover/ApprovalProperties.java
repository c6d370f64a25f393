package org.pchatfailover.failover;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who must approve, bound from {@code pchat.approval.*}.
 *
 * @param secondOperator four eyes, default {@code false} (and off in the lab): approving the failover and recovering
 * with data loss then each need a second, different operator (CountersignFailover, CountersignDataLoss)
 */
@ConfigurationProperties("pchat.approval")
public record ApprovalProperties(@DefaultValue("false") boolean secondOperator) {

}
