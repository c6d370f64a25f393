package org.pchatfailover.lab.sql.engine;

import java.util.Set;

/**
 * The log-shipping system procedures of sql-docs log-shipping-stored-procedures-transact-sql. The lab runs
 * sp_delete_log_shipping_secondary_database only; a DBA calling any other one meets the lab's limit (40517), not
 * 2812 "Could not find stored procedure", which would tell them a documented procedure does not exist.
 */
final class LogShippingProcedures {

	private static final Set<String> DOCUMENTED = Set.of("sp_add_log_shipping_alert_job",
			"sp_add_log_shipping_primary_database", "sp_add_log_shipping_primary_secondary",
			"sp_add_log_shipping_secondary_database", "sp_add_log_shipping_secondary_primary",
			"sp_change_log_shipping_primary_database", "sp_change_log_shipping_secondary_database",
			"sp_change_log_shipping_secondary_primary", "sp_cleanup_log_shipping_history",
			"sp_delete_log_shipping_alert_job", "sp_delete_log_shipping_primary_database",
			"sp_delete_log_shipping_primary_secondary", "sp_delete_log_shipping_secondary_database",
			"sp_delete_log_shipping_secondary_primary", "sp_help_log_shipping_alert_job",
			"sp_help_log_shipping_monitor", "sp_help_log_shipping_monitor_primary",
			"sp_help_log_shipping_monitor_secondary", "sp_help_log_shipping_primary_database",
			"sp_help_log_shipping_primary_secondary", "sp_help_log_shipping_secondary_database",
			"sp_help_log_shipping_secondary_primary", "sp_refresh_log_shipping_monitor");

	private LogShippingProcedures() {
	}

	/** @param procedure the name in lower case, without database or schema */
	static boolean isDocumented(String procedure) {
		return DOCUMENTED.contains(procedure);
	}

}
