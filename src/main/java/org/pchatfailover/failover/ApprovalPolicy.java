package org.pchatfailover.failover;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Read by the process's gateways as {@code ${approvalPolicy.secondOperator}}: does a decision need four eyes? */
@Component("approvalPolicy")
@EnableConfigurationProperties(ApprovalProperties.class)
public class ApprovalPolicy {

	private final ApprovalProperties properties;

	public ApprovalPolicy(ApprovalProperties properties) {
		this.properties = properties;
	}

	public boolean isSecondOperator() {
		return properties.secondOperator();
	}

}
