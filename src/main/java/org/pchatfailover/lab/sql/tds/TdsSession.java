package org.pchatfailover.lab.sql.tds;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import org.pchatfailover.lab.sql.engine.LabSqlEngine;
import org.pchatfailover.lab.sql.engine.Outcome;
import org.pchatfailover.lab.sql.engine.SqlSession;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.tds.TdsPacketChannel.TdsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the handshake up to LOGIN7 ({@link TdsHandshake}), the login, then SQL batches and RPCs
 * until the client disconnects or its session is killed, all encoded in the TDS version agreed at login. Requests
 * run on a thread of their own while this one keeps reading, so that an attention reaches a running request
 * ([MS-TDS] 3.3.5.9: "The TDS server MUST continue to listen for messages from the client"). Protocol errors and
 * stalled reads close the connection, as SQL Server does.
 */
public final class TdsSession implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(TdsSession.class);

	private final Socket socket;

	private final LabSqlEngine engine;

	private final String serverName;

	private final SSLContext tls;

	private final Duration readTimeout;

	private TdsPacketChannel channel;

	private SqlSession session;

	private TdsVersion version;

	/**
	 * @param tls the instance's certificate and key, null for an instance without TLS
	 * @param readTimeout how long any read from the client may block; only a logged-in, idle session waits longer
	 */
	public TdsSession(Socket socket, LabSqlEngine engine, String serverName, SSLContext tls, Duration readTimeout) {
		this.socket = socket;
		this.engine = engine;
		this.serverName = serverName;
		this.tls = tls;
		this.readTimeout = readTimeout;
	}

	@Override
	public void run() {
		try (socket) {
			socket.setSoTimeout((int) readTimeout.toMillis());
			PushbackInputStream in = new PushbackInputStream(socket.getInputStream(), 1);
			OutputStream out = new BufferedOutputStream(socket.getOutputStream());
			channel = new TdsPacketChannel(in, out);
			TdsHandshake.Result handshake = new TdsHandshake(channel, in, out, tls, engine.version().tdsBytes())
				.perform();
			if (handshake != null && login(handshake.login(), handshake.encrypted())) {
				serve();
			}
		}
		catch (IOException | TdsProtocolException ex) {
			log.debug("lab SQL connection from {} ended: {}", socket.getRemoteSocketAddress(), ex.toString());
		}
		finally {
			if (session != null) {
				engine.disconnect(session);
			}
		}
	}

	private boolean login(Login7 login, boolean encrypted) throws IOException {
		version = TdsVersion.negotiate(login.tdsVersion());
		TokenWriter reply = new TokenWriter(serverName, version);
		try {
			session = engine.connect(login.userName(), login.password(), login.database(), login.appName(),
					login.hostName(), encrypted, this::kill);
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

	/**
	 * Reads requests while the previous one may still run: requests queue on one worker thread (3.3.5.9: "the TDS
	 * server SHOULD queue the new client request"); an attention cancels the running one and is acknowledged after
	 * it; a message with the ignore bit is discarded and answered "with a single DONE token ... that has a status of
	 * DONE_ERROR" ([MS-TDS] 2.2.1.7).
	 */
	private void serve() throws IOException {
		ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "lab-sql-request-" + session.spid());
			thread.setDaemon(true);
			return thread;
		});
		channel.allowIdle();
		try {
			for (TdsMessage message = channel.read(); message != null; message = channel.read()) {
				TdsMessage request = message;
				if (message.type() == TdsMessage.ATTENTION) {
					session.cancel();
					worker.execute(() -> send(done(TokenWriter.DONE_ATTN)));
				}
				else if (message.ignored()) {
					worker.execute(() -> send(done(TokenWriter.DONE_ERROR)));
				}
				else if (isRequest(message.type())) {
					session.startRequest();
					worker.execute(() -> execute(request));
				}
				else {
					throw new TdsProtocolException("unexpected TDS message type " + message.type());
				}
			}
		}
		finally {
			session.cancel();
			worker.shutdownNow();
		}
	}

	private static boolean isRequest(int type) {
		return type == TdsMessage.SQL_BATCH || type == TdsMessage.RPC || type == TdsMessage.TRANSACTION_MANAGER;
	}

	private void execute(TdsMessage request) {
		List<Outcome> outcomes;
		boolean rpc = request.type() == TdsMessage.RPC;
		try {
			outcomes = switch (request.type()) {
				case TdsMessage.SQL_BATCH -> TransactionRequests.checked(engine, session, request.payload(), version,
						() -> engine.batch(session, batchText(request.payload())));
				case TdsMessage.RPC -> TransactionRequests.checked(engine, session, request.payload(), version,
						() -> rpc(request.payload()));
				default -> TransactionRequests.answer(engine, session, request.payload(), version);
			};
		}
		catch (RuntimeException ex) {
			log.debug("lab SQL session {} sent a request the lab cannot read: {}", session.spid(), ex.toString());
			kill();
			return;
		}
		// a cancelled request ends in a bare final DONE, then comes the acknowledgment: "There might be or might not
		// be a DONE token with the DONE_MORE bit clear prior to the DONE token with the DONE_ATTN bit set" ([MS-TDS]
		// 4.19.2); mssql-jdbc reads the request's response to its end before the acknowledgment (IOBuffer.java
		// TDSCommand.close: "processing attention ack" after processResponse)
		send(session.cancelled() ? done(TokenWriter.DONE_FINAL) : new ReplyEncoder(serverName, version, rpc).encode(outcomes));
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

	private byte[] done(int status) {
		return new TokenWriter(serverName, version).done(TokenWriter.TOKEN_DONE, status, 0, 0).toByteArray();
	}

	private void send(byte[] reply) {
		try {
			channel.write(TdsMessage.REPLY, reply);
		}
		catch (IOException ex) {
			log.debug("lab SQL session {} could not answer: {}", session.spid(), ex.getMessage());
			kill();
		}
	}

	private String batchText(byte[] payload) {
		TdsReader reader = new TdsReader(payload);
		RpcRequest.skipAllHeaders(reader, version);
		return new String(payload, reader.position(), payload.length - reader.position(),
				StandardCharsets.UTF_16LE);
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
