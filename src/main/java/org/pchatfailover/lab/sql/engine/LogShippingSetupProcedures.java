package org.pchatfailover.lab.sql.engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.pchatfailover.lab.sql.engine.LabSqlState.AgentJob;
import org.pchatfailover.lab.sql.engine.LabSqlState.Database;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingMonitorSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingPrimaryDatabase;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingPrimarySecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondary;
import org.pchatfailover.lab.sql.engine.LabSqlState.LogShippingSecondaryDatabase;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * The log-shipping setup procedures of sql-docs' "Configure log shipping" example, as far as msdb shows their work:
 * {@code sp_add_log_shipping_primary_database} (the primary row and its backup job, OUTPUT {@code @backup_job_id},
 * {@code @primary_id}), {@code sp_add_log_shipping_primary_secondary}, {@code sp_add_log_shipping_secondary_primary}
 * (the secondary row, copy and restore jobs, OUTPUT {@code @copy_job_id}, {@code @restore_job_id},
 * {@code @secondary_id}), {@code sp_add_log_shipping_secondary_database}, and the Agent's {@code sp_add_schedule}
 * (OUTPUT {@code @schedule_id}), {@code sp_attach_schedule}, {@code sp_update_job}. The jobs are rows only: the lab
 * runs no SQL Server Agent, so no log is backed up, copied or restored by them. Parameters the lab does not keep are
 * accepted and ignored; a configuration that already exists is the lab's limit (40517), not an invented error.
 */
final class LogShippingSetupProcedures {

	private static final Set<String> HANDLED = Set.of("sp_add_log_shipping_primary_database",
			"sp_add_log_shipping_primary_secondary", "sp_add_log_shipping_secondary_primary",
			"sp_add_log_shipping_secondary_database", "sp_add_schedule", "sp_attach_schedule", "sp_update_job");

	private final LabSqlEngine engine;

	LogShippingSetupProcedures(LabSqlEngine engine) {
		this.engine = engine;
	}

	static boolean handles(String procedure) {
		return HANDLED.contains(procedure);
	}

	List<Outcome> call(SqlSession session, String procedure, List<Param> params) {
		Transactions.refuseInTransaction(session, SqlErrors.notSimulated(procedure + " inside a transaction"));
		ResultShape.refuseUnderFmtonly(session, procedure);
		return engine.store().change(state -> {
			if (procedure.startsWith("sp_add_log_shipping_")) {
				requireSysadmin(state, session);
			}
			return run(state, procedure, params);
		});
	}

	// each page's Permissions: "Only members of the sysadmin fixed server role can run this procedure."
	private static void requireSysadmin(LabSqlState state, SqlSession session) {
		LabSqlState.LoginRights rights = state.rightsOf(session.login());
		if (rights == null || !rights.isMemberOf("sysadmin")) {
			throw new SqlException(SqlErrors.sysadminOnly());
		}
	}

	private List<Outcome> run(LabSqlState state, String procedure, List<Param> params) {
		return switch (procedure) {
			case "sp_add_log_shipping_primary_database" -> addPrimaryDatabase(state, params);
			case "sp_add_log_shipping_primary_secondary" -> addPrimarySecondary(state, params);
			case "sp_add_log_shipping_secondary_primary" -> addSecondaryPrimary(state, params);
			case "sp_add_log_shipping_secondary_database" -> addSecondaryDatabase(state, params);
			case "sp_add_schedule" -> addSchedule(state, params);
			case "sp_attach_schedule" -> attachSchedule(state, params);
			default -> updateJob(state, params);
		};
	}

	private List<Outcome> addPrimaryDatabase(LabSqlState state, List<Param> params) {
		String procedure = "sp_add_log_shipping_primary_database";
		String name = required(procedure, params, "@database");
		Database database = state.database(name);
		if (database == null) {
			throw new SqlException(SqlErrors.databaseNotFound(name));
		}
		if (state.logShippingPrimaryDatabases.stream().anyMatch(p -> p.primaryDatabase().equalsIgnoreCase(name))) {
			throw new SqlException(SqlErrors.notSimulated(procedure + " for a database that already is a primary"));
		}
		UUID job = job(state, text(params, "@backup_job_name", "LSBackup_" + name));
		UUID id = UUID.randomUUID();
		state.logShippingPrimaryDatabases.add(new LogShippingPrimaryDatabase(id, database.name(),
				required(procedure, params, "@backup_directory"), required(procedure, params, "@backup_share"),
				number(params, "@backup_retention_period", 4320), job, engine.serverName()));
		return List.of(returned(params, "@backup_job_id", job), returned(params, "@primary_id", id),
				new Outcome.Done(-1));
	}

	private List<Outcome> addPrimarySecondary(LabSqlState state, List<Param> params) {
		String procedure = "sp_add_log_shipping_primary_secondary";
		String name = required(procedure, params, "@primary_database");
		LogShippingPrimaryDatabase primary = state.logShippingPrimaryDatabases.stream()
			.filter(p -> p.primaryDatabase().equalsIgnoreCase(name)).findFirst()
			.orElseThrow(() -> new SqlException(SqlErrors.notSimulated(procedure + " for a database that is no primary")));
		state.logShippingPrimarySecondaries.add(new LogShippingPrimarySecondary(primary.primaryId(),
				required(procedure, params, "@secondary_server"), required(procedure, params, "@secondary_database")));
		return List.of(new Outcome.Done(-1));
	}

	private List<Outcome> addSecondaryPrimary(LabSqlState state, List<Param> params) {
		String procedure = "sp_add_log_shipping_secondary_primary";
		String primaryServer = required(procedure, params, "@primary_server");
		String primaryDatabase = required(procedure, params, "@primary_database");
		if (state.logShippingSecondary.stream().anyMatch(s -> s.primaryServer().equalsIgnoreCase(primaryServer)
				&& s.primaryDatabase().equalsIgnoreCase(primaryDatabase))) {
			throw new SqlException(SqlErrors.notSimulated(procedure + " for a primary already configured"));
		}
		UUID copy = job(state, text(params, "@copy_job_name", "LSCopy_" + primaryDatabase));
		UUID restore = job(state, text(params, "@restore_job_name", "LSRestore_" + primaryDatabase));
		UUID id = UUID.randomUUID();
		state.logShippingSecondary.add(new LogShippingSecondary(id, primaryServer, primaryDatabase,
				required(procedure, params, "@backup_source_directory"),
				required(procedure, params, "@backup_destination_directory"), null, null, copy, restore,
				engine.serverName()));
		return List.of(returned(params, "@copy_job_id", copy), returned(params, "@restore_job_id", restore),
				returned(params, "@secondary_id", id), new Outcome.Done(-1));
	}

	private List<Outcome> addSecondaryDatabase(LabSqlState state, List<Param> params) {
		String procedure = "sp_add_log_shipping_secondary_database";
		String name = required(procedure, params, "@secondary_database");
		String primaryServer = required(procedure, params, "@primary_server");
		String primaryDatabase = required(procedure, params, "@primary_database");
		LogShippingSecondary secondary = state.logShippingSecondary.stream()
			.filter(s -> s.primaryServer().equalsIgnoreCase(primaryServer)
					&& s.primaryDatabase().equalsIgnoreCase(primaryDatabase))
			.findFirst()
			.orElseThrow(() -> new SqlException(SqlErrors.notSimulated(procedure + " before its secondary_primary")));
		Database database = state.database(name);
		if (database == null) {
			throw new SqlException(SqlErrors.databaseNotFound(name));
		}
		boolean standby = number(params, "@restore_mode", 0) == 1;
		state.logShippingSecondaryDatabases.add(new LogShippingSecondaryDatabase(database.name(),
				secondary.secondaryId(), null, null, standby, number(params, "@disconnect_users", 0) == 1));
		state.logShippingMonitorSecondary.add(new LogShippingMonitorSecondary(engine.serverName(), database.name(),
				secondary.secondaryId(), primaryServer, primaryDatabase, null, null, null, null, null));
		return List.of(new Outcome.Done(-1));
	}

	private List<Outcome> addSchedule(LabSqlState state, List<Param> params) {
		int id = state.agentSchedules.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		state.agentSchedules.put(id, number(params, "@freq_subday_interval", 15));
		return List.of(returned(params, "@schedule_id", id), new Outcome.Done(-1));
	}

	private List<Outcome> attachSchedule(LabSqlState state, List<Param> params) {
		UUID job = UUID.fromString(required("sp_attach_schedule", params, "@job_id"));
		int schedule = number(params, "@schedule_id", -1);
		Integer minutes = state.agentSchedules.get(schedule);
		replaceJob(state, job, j -> new AgentJob(j.jobId(), j.name(), j.enabled(), schedule, minutes));
		return List.of(new Outcome.Done(-1));
	}

	private List<Outcome> updateJob(LabSqlState state, List<Param> params) {
		UUID job = UUID.fromString(required("sp_update_job", params, "@job_id"));
		boolean enabled = number(params, "@enabled", 1) == 1;
		replaceJob(state, job, j -> new AgentJob(j.jobId(), j.name(), enabled, j.scheduleId(), j.scheduleMinutes()));
		return List.of(new Outcome.Done(-1));
	}

	private static void replaceJob(LabSqlState state, UUID id, java.util.function.UnaryOperator<AgentJob> change) {
		if (state.agentJobs.stream().noneMatch(j -> j.jobId().equals(id))) {
			throw new SqlException(SqlErrors.notSimulated("a job the lab's log-shipping procedures did not create"));
		}
		state.agentJobs.replaceAll(j -> j.jobId().equals(id) ? change.apply(j) : j);
	}

	// created disabled: sql-docs' example enables each job with sp_update_job once it has its schedule
	private static UUID job(LabSqlState state, String name) {
		UUID id = UUID.randomUUID();
		state.agentJobs.add(new AgentJob(id, name, false, null, null));
		return id;
	}

	private static Outcome returned(List<Param> params, String name, Object value) {
		for (int i = 0; i < params.size(); i++) {
			if (name.equalsIgnoreCase(params.get(i).name())) {
				SqlType type = value instanceof UUID ? SqlType.UNIQUEIDENTIFIER : SqlType.INT;
				return new Outcome.ReturnValue(i, name, type, value);
			}
		}
		return new Outcome.Done(-1);
	}

	private static String required(String procedure, List<Param> params, String name) {
		String value = text(params, name, null);
		if (value == null) {
			throw new SqlException(SqlErrors.procedureExpects(procedure, name));
		}
		return value;
	}

	private static String text(List<Param> params, String name, String otherwise) {
		return params.stream().filter(p -> name.equalsIgnoreCase(p.name()) && p.value() != null)
			.map(p -> SqlVariant.unwrap(p.value()).toString()).findFirst().orElse(otherwise);
	}

	private static int number(List<Param> params, String name, int otherwise) {
		String text = text(params, name, null);
		return text == null ? otherwise : Integer.parseInt(text.strip().toLowerCase(Locale.ROOT));
	}

}
