package org.pchatfailover.lab.sql.tds;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.Outcome;
import org.pchatfailover.lab.sql.engine.SqlSession;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.tds.TdsPacketChannel.TdsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: PRELOGIN, LOGIN7, then SQL batches and RPCs until the client disconnects or its session
 * is killed, all encoded in the TDS version agreed at login. Protocol errors close the connection, as SQL Server
 * does.
 */
public final class TdsSession implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(TdsSession.class);

	private final Socket socket;

	private final LabSqlEngine engine;

	private final String serverName;

	private TdsPacketChannel channel;

	private SqlSession session;

	private TdsVersion version;

	public TdsSession(Socket socket, LabSqlEngine engine, String serverName) {
		this.socket = socket;
		this.engine = engine;
		this.serverName = serverName;
	}

	@Override
	public void run() {
		try (socket) {
			channel = new TdsPacketChannel(socket.getInputStream(), socket.getOutputStream());
			if (handshake()) {
				serve();
			}
		}
		catch (IOException | TdsProtocolException ex) {
			log.debug("lab SQL connection from {} ended: {}", socket.getRemoteSocketAddress(), ex.getMessage());
		}
		finally {
			if (session != null) {
				engine.disconnect(session);
			}
		}
	}

	private boolean handshake() throws IOException {
		TdsMessage message = channel.read();
		if (message != null && message.type() == TdsMessage.PRELOGIN) {
			Prelogin.validate(message.payload());
			channel.write(TdsMessage.REPLY, Prelogin.response(engine.version().tdsBytes()));
			message = channel.read();
		}
		// PRELOGIN only negotiates encryption, which the lab does not offer: a client that wants none may log in
		// straight away, as jTDS (ssl=off) and other TDS 7.0/7.1 clients do and SQL Server accepts
		if (message == null || message.type() != TdsMessage.LOGIN7) {
			return false;
		}
		return login(Login7.parse(message.payload()));
	}

	private boolean login(Login7 login) throws IOException {
		version = TdsVersion.negotiate(login.tdsVersion());
		TokenWriter reply = new TokenWriter(serverName, version);
		try {
			session = engine.connect(login.userName(), login.password(), login.database(), login.appName(),
					login.hostName(), this::kill);
		}
		catch (SqlException ex) {
			ex.messages().forEach(m -> reply.message(m, ""));
			reply.done(TokenWriter.TOKEN_DONE, TokenWriter.DONE_ERROR, 0, 0);
			channel.write(TdsMessage.REPLY, reply.toByteArray());
			return false;
		}
		int packetSize = (login.packetSize() >= 512 && login.packetSize() <= 32767) ? login.packetSize() : 4096;
		reply.envChange(TokenWriter.ENV_DATABASE, session.database(), "master")
			.message(LabSqlEngine.changedDatabase(session.database()), "")
			.serverCollation()
			.envChange(TokenWriter.ENV_LANGUAGE, "us_english", "")
			.message(LabSqlEngine.changedLanguage(), "")
			.loginAck("Microsoft SQL Server", engine.version().tdsBytes())
			.envChange(TokenWriter.ENV_PACKET_SIZE, Integer.toString(packetSize), "4096")
			.done(TokenWriter.TOKEN_DONE, TokenWriter.DONE_FINAL, 0, 0);
		channel.write(TdsMessage.REPLY, reply.toByteArray());
		channel.packetSize(packetSize);
		channel.spid(session.spid());
		return true;
	}

	private void serve() throws IOException {
		TdsMessage message = channel.read();
		while (message != null) {
			byte[] payload = message.payload();
			switch (message.type()) {
				case TdsMessage.SQL_BATCH -> reply(TransactionRequests.checked(engine, session, payload, version,
						() -> engine.batch(session, batchText(payload))), false);
				case TdsMessage.RPC -> reply(TransactionRequests.checked(engine, session, payload, version,
						() -> rpc(payload)), true);
				case TdsMessage.ATTENTION -> channel.write(TdsMessage.REPLY, new TokenWriter(serverName, version)
					.done(TokenWriter.TOKEN_DONE, TokenWriter.DONE_ATTN, 0, 0).toByteArray());
				case TdsMessage.TRANSACTION_MANAGER -> reply(
						TransactionRequests.answer(engine, session, payload, version), false);
				default -> throw new TdsProtocolException("unexpected TDS message type " + message.type());
			}
			message = channel.read();
		}
	}

	private List<Outcome> rpc(byte[] payload) {
		try {
			RpcRequest request = RpcRequest.parse(payload, version);
			return engine.call(session, request.procedure(), request.params());
		}
		catch (SqlException ex) {
			return List.of(new Outcome.Error(ex.messages()));
		}
	}

	private String batchText(byte[] payload) {
		TdsReader reader = new TdsReader(payload);
		RpcRequest.skipAllHeaders(reader, version);
		return new String(payload, reader.position(), payload.length - reader.position(),
				StandardCharsets.UTF_16LE);
	}

	private void reply(List<Outcome> outcomes, boolean rpc) throws IOException {
		channel.write(TdsMessage.REPLY, new ReplyEncoder(serverName, version, rpc).encode(outcomes));
	}

	/** KILL from another session: closing the socket ends this session the way the client sees it. */
	private void kill() {
		try {
			socket.close();
		}
		catch (IOException ex) {
			log.debug("closing killed lab session: {}", ex.getMessage());
		}
	}

}
