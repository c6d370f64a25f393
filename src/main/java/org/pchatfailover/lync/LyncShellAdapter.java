package org.pchatfailover.lync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pchatfailover.actionlog.ActionLog;
import org.pchatfailover.topology.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Lync Server Management Shell, one method per cmdlet: builds the script, runs it through the pool's
 * transport, records it with its outcome, parses the JSON and turns a failure into a {@link LyncShellException}.
 */
@Component
public class LyncShellAdapter {

	private static final Logger log = LoggerFactory.getLogger(LyncShellAdapter.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, LyncShellTransport> transports;

	public LyncShellAdapter(List<LyncShellTransport> transports) {
		this.transports = transports.stream()
			.collect(Collectors.toUnmodifiableMap(LyncShellTransport::transport, Function.identity()));
	}

	/** {@code Get-CsPersistentChatState}: {@code Normal} or {@code FailedOver}. */
	public String getPersistentChatState(Pool pool, ActionLog actions) {
		LyncCommand command = LyncCmdlets.getPersistentChatState(pool.fqdn());
		return run(pool, command, actions, output -> {
			JsonNode state = single(objects(output));
			return text(state, "PoolState");
		}, state -> "PoolState " + state);
	}

	/** {@code Set-CsPersistentChatState -PoolState}. */
	public void setPersistentChatState(Pool pool, String poolState, ActionLog actions) {
		run(pool, LyncCmdlets.setPersistentChatState(pool.fqdn(), poolState), actions, output -> "done",
				done -> "PoolState set to " + poolState);
	}

	/** {@code Get-CsDatabaseMirrorState -DatabaseType PersistentChat}, one entry per database. */
	public List<DatabaseMirrorState> getDatabaseMirrorState(Pool pool, ActionLog actions) {
		LyncCommand command = LyncCmdlets.getDatabaseMirrorState(pool.fqdn());
		return run(pool, command, actions, output -> objects(output).stream()
			.map(o -> new DatabaseMirrorState(text(o, "DatabaseName"), text(o, "StateOnPrimary"),
					text(o, "StateOnMirror"), text(o, "MirroringStatusOnPrimary"),
					text(o, "MirroringStatusOnSecondary")))
			.toList(), states -> states.stream().map(DatabaseMirrorState::summary).collect(Collectors.joining("; ")));
	}

	/** {@code Install-CsMirrorDatabase} with the backup SQL Server as principal. */
	public void installMirrorDatabase(Pool pool, ActionLog actions) {
		LyncCommand command = LyncCmdlets.installMirrorDatabase(pool.backupSql().fqdn(), pool.backupSql().instance(),
				pool.mirrorFileShare());
		run(pool, command, actions, output -> "done",
				done -> "mirroring installed for " + pool.backupSql().displayName());
	}

	/**
	 * {@code Get-Command -Name ..}: which of the cmdlets the shell has, by the names it gave them; a missing one is
	 * absent, not an error.
	 */
	public Set<String> getCommands(Pool pool, List<String> names, ActionLog actions) {
		LyncCommand command = LyncCmdlets.getCommands(names);
		return run(pool, command, actions, output -> {
			Set<String> found = new LinkedHashSet<>();
			objects(output).forEach(o -> found.add(text(o, "Name")));
			return Collections.unmodifiableSet(found);
		}, found -> "found " + found);
	}

	/**
	 * {@code Get-CsPool -Identity <pool>}: the FQDNs of the pool's computers in lower case. The references are
	 * silent on how a computer object renders as a string; the projection casts each to one.
	 */
	public List<String> getPoolComputers(Pool pool, ActionLog actions) {
		LyncCommand command = LyncCmdlets.getPool(pool.fqdn());
		return run(pool, command, actions, output -> strings(single(objects(output)).path("Computers")),
				computers -> "Computers " + computers);
	}

	/**
	 * {@code Install-CsMirrorDatabase ... -WhatIf}: what the cmdlet would do for the backup SQL Server, changing
	 * nothing; the What if text as the shell printed it.
	 */
	public String installMirrorDatabaseWhatIf(Pool pool, ActionLog actions) {
		LyncCommand command = LyncCmdlets.installMirrorDatabaseWhatIf(pool.backupSql().fqdn(),
				pool.backupSql().instance(), pool.mirrorFileShare());
		return run(pool, command, actions, String::strip, text -> text.isEmpty() ? "no What if output" : text);
	}

	/**
	 * {@code Set-CsPersistentChatActiveServer} with {@code @{Add=<chosen>}}, then {@code @{Remove=<the pool's
	 * other candidates>}}: the chosen servers active, the pool's other configured servers not, other pools'
	 * servers untouched. No cmdlet reads the list back (there is none documented).
	 */
	public void setActiveServers(Pool pool, List<String> chosen, ActionLog actions) {
		Set<String> active = chosen.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
		List<String> others = pool.activeServerCandidates()
			.stream()
			.map(c -> c.fqdn().toLowerCase(Locale.ROOT))
			.filter(fqdn -> !active.contains(fqdn))
			.toList();
		LyncCommand command = LyncCmdlets.setActiveServers(pool.effectiveActiveServersIdentity(), chosen, others);
		run(pool, command, actions, output -> "done",
				done -> "active servers added " + chosen + (others.isEmpty() ? "" : ", removed " + others));
	}

	/** {@code Set-CsPersistentChatActiveServer} with {@code @{Remove=<every candidate of the pool>}}. */
	public void removeActiveServers(Pool pool, ActionLog actions) {
		List<String> all = pool.activeServerCandidates().stream().map(c -> c.fqdn().toLowerCase(Locale.ROOT)).toList();
		run(pool, LyncCmdlets.removeActiveServers(pool.effectiveActiveServersIdentity(), all), actions,
				output -> "done", done -> "active servers removed " + all);
	}

	private <T> T run(Pool pool, LyncCommand command, ActionLog actions, Function<String, T> parse,
			Function<T, String> outcome) {
		LyncShellTransport transport = transport(pool);
		String target = transport.describe(pool.lyncShell());
		long started = System.nanoTime();
		ShellResult result;
		try {
			result = transport.run(pool.lyncShell(), command);
		}
		catch (LyncShellException ex) {
			actions.record(target, "cmdlet", command.command(), ex.getMessage(), false,
					Duration.ofNanos(System.nanoTime() - started));
			throw ex;
		}
		if (!result.succeeded()) {
			LyncShellException failure = new LyncShellException(command.cmdlet(), target, result.exitCode(),
					result.stderr());
			actions.record(target, "cmdlet", command.command(), failure.getMessage(), false, result.duration());
			throw failure;
		}
		T value;
		try {
			value = parse.apply(result.stdout());
		}
		catch (IllegalStateException ex) {
			LyncShellException failure = new LyncShellException(command.cmdlet(), target,
					"unexpected output: " + ex.getMessage(), ex);
			actions.record(target, "cmdlet", command.command(), failure.getMessage(), false, result.duration());
			throw failure;
		}
		String text = outcome.apply(value);
		actions.record(target, "cmdlet", command.command(), text, true, result.duration());
		log.info("{} pool {} on {}: {}", command.cmdlet(), pool.fqdn(), target, text);
		return value;
	}

	private LyncShellTransport transport(Pool pool) {
		LyncShellTransport transport = transports.get(pool.lyncShell().transport());
		if (transport == null) {
			throw new IllegalStateException("no Lync shell transport '" + pool.lyncShell().transport() + "' for pool "
					+ pool.fqdn() + " (known: " + transports.keySet() + ")");
		}
		return transport;
	}

	// ConvertTo-Json writes one object bare, several as an array, nothing as nothing
	private static List<JsonNode> objects(String stdout) {
		if (stdout == null || stdout.isBlank()) {
			return List.of();
		}
		try {
			JsonNode node = JSON.readTree(stdout.strip());
			List<JsonNode> result = new ArrayList<>();
			if (node.isArray()) {
				node.forEach(result::add);
			}
			else {
				result.add(node);
			}
			return result;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("not JSON: " + stdout.strip().lines().findFirst().orElse(""), ex);
		}
	}

	private static JsonNode single(List<JsonNode> objects) {
		if (objects.size() != 1) {
			throw new IllegalStateException("expected one object, got " + objects.size());
		}
		return objects.get(0);
	}

	// a projected string[]: ConvertTo-Json writes an array, a single string, or null for none
	private static List<String> strings(JsonNode node) {
		List<String> result = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(s -> result.add(s.asText().toLowerCase(Locale.ROOT)));
		}
		else if (node.isTextual() && !node.asText().isBlank()) {
			result.add(node.asText().toLowerCase(Locale.ROOT));
		}
		return List.copyOf(result);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? "" : value.asText();
	}

}
