package org.pchatfailover.lab.sql.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pchatfailover.lab.sql.engine.LabSqlState.ClientSession;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Sessions of the instance: the live TDS connections (ids from 51 up, like SQL Server's user sessions) and the
 * simulated client sessions kept in the state (Persistent Chat front ends connected to mgc).
 */
final class SessionRegistry {

	static final int FIRST_USER_SESSION = 51;

	private final Map<Integer, SqlSession> live = new ConcurrentHashMap<>();

	SqlSession open(LabSqlState state, String login, String host, String program, String database, boolean encrypted,
			Runnable kill) {
		synchronized (live) {
			int spid = FIRST_USER_SESSION;
			while (live.containsKey(spid) || simulated(state, spid) != null) {
				spid++;
			}
			SqlSession session = new SqlSession(spid, login, host, program, database, encrypted, kill);
			live.put(spid, session);
			return session;
		}
	}

	void close(SqlSession session) {
		live.remove(session.spid());
	}

	Iterable<SqlSession> live() {
		return live.values();
	}

	/** User sessions whose current database is the given one, live and simulated. */
	long userSessionsIn(LabSqlState state, String database) {
		long simulated = state.sessions.stream().filter(s -> s.database().equalsIgnoreCase(database)).count();
		long connected = live.values().stream().filter(s -> s.database().equalsIgnoreCase(database)).count();
		return simulated + connected;
	}

	/** KILL: ends a live connection or removes a simulated session (which may reconnect under a new id). */
	void kill(LabSqlState state, SqlSession caller, long sessionId) {
		LoginPermissions.requireKill(state, caller);
		if (sessionId == caller.spid()) {
			throw new SqlException(SqlErrors.killOwnProcess());
		}
		if (sessionId < FIRST_USER_SESSION && sessionId > 0) {
			throw new SqlException(SqlErrors.notUserProcess());
		}
		SqlSession target = sessionId > Integer.MAX_VALUE ? null : live.remove((int) sessionId);
		if (target != null) {
			target.kill();
			return;
		}
		ClientSession killed = simulated(state, sessionId);
		if (killed == null) {
			throw new SqlException(SqlErrors.notActiveProcess(sessionId));
		}
		state.sessions.remove(killed);
		if (state.reconnects > 0) {
			state.reconnects--;
			state.sessions.add(new ClientSession(nextFreeId(state), killed.database(), killed.loginName(),
					killed.hostName(), killed.programName()));
		}
	}

	private int nextFreeId(LabSqlState state) {
		int id = state.sessions.stream().mapToInt(ClientSession::sessionId).max().orElse(FIRST_USER_SESSION) + 1;
		while (live.containsKey(id)) {
			id++;
		}
		return id;
	}

	private static ClientSession simulated(LabSqlState state, long sessionId) {
		return state.sessions.stream().filter(s -> s.sessionId() == sessionId).findFirst().orElse(null);
	}

}
