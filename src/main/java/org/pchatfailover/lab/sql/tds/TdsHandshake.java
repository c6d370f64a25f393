package org.pchatfailover.lab.sql.tds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.pchatfailover.lab.sql.tds.TdsPacketChannel.Packet;
import org.pchatfailover.lab.sql.tds.TdsPacketChannel.TdsMessage;

/**
 * From the first byte to the LOGIN7 record ([MS-TDS] 3.3.5.1 to 3.3.5.4): a TLS ClientHello ("the first byte is
 * equal to 0x16") starts TDS 8.0, TLS first and the PRELOGIN inside it; a PRELOGIN starts TDS 7.x, where the
 * encryption answered decides whether TLS wraps the login only, the whole session or nothing.
 */
final class TdsHandshake {

	/** The first byte of a TLS record of type handshake (the ClientHello). */
	private static final int TLS_HANDSHAKE = 0x16;

	/** ALPN protocol id of TDS 8.0 (mssql-jdbc IOBuffer.java: {@code PROTOCOL_TDS80 = "tds/8.0"}). */
	static final String ALPN_TDS_8 = "tds/8.0";

	private static final Duration LOGIN_ONLY_PAUSE = Duration.ofMillis(100);

	private final TdsPacketChannel channel;

	private final PushbackInputStream rawIn;

	private final OutputStream rawOut;

	private final SSLContext tls;

	private final byte[] serverVersion;

	/** @param tls the server's certificate and key; null for an instance without one (answers ENCRYPT_NOT_SUP) */
	TdsHandshake(TdsPacketChannel channel, PushbackInputStream rawIn, OutputStream rawOut, SSLContext tls,
			byte[] serverVersion) {
		this.channel = channel;
		this.rawIn = rawIn;
		this.rawOut = rawOut;
		this.tls = tls;
		this.serverVersion = serverVersion;
	}

	/**
	 * The client's LOGIN7, read over whatever encryption was agreed; null when the connection ends before it (the
	 * client left, or the lab closes it as [MS-TDS] says).
	 */
	Result perform() throws IOException {
		int first = rawIn.read();
		if (first < 0) {
			return null;
		}
		rawIn.unread(first);
		boolean strict = first == TLS_HANDSHAKE;
		if (strict) {
			if (tls == null) {
				return null;
			}
			TlsConnection session = TlsConnection.onSocket(strictEngine(), rawIn, rawOut);
			channel.streams(session.input(), session.output());
		}
		TdsMessage message = channel.read();
		boolean wholeSession = strict;
		if (message != null && message.type() == TdsMessage.PRELOGIN) {
			Prelogin.Encryption encryption = Prelogin.answer(Prelogin.clientEncryption(message.payload()),
					tls != null);
			channel.write(TdsMessage.REPLY, Prelogin.response(serverVersion, encryption.value()));
			if (encryption.terminate()) {
				return null;
			}
			// TDS 8.0 is encrypted already: "the TDS state machine MUST NOT enter this state" (3.3.5.2)
			wholeSession |= encryption.wholeSession();
			message = strict || !encryption.negotiated() ? channel.read() : encryptedLogin(encryption);
		}
		// a TDS 7.0/7.1 client may log in without PRELOGIN (jTDS with ssl=off sends none, TdsCore.negotiateSSL)
		if (message == null || message.type() != TdsMessage.LOGIN7) {
			return null;
		}
		return new Result(Login7.parse(message.payload()), wholeSession);
	}

	/**
	 * TLS inside PRELOGIN packets, then the login over it. For ENCRYPT_OFF "the first TDS packet of the Login message
	 * MUST be encrypted using TLS/SSL ... All other TDS packets sent or received MUST be in plaintext" ([MS-TDS]
	 * 3.2.5.2), as mssql-jdbc does (IOBuffer.java writePacket: disableSSL after login packet 1).
	 */
	private TdsMessage encryptedLogin(Prelogin.Encryption encryption) throws IOException {
		TlsConnection session = TlsConnection.insidePrelogin(preloginEngine(), channel, rawIn, rawOut);
		channel.streams(session.input(), session.output());
		if (encryption.wholeSession()) {
			return channel.read();
		}
		Packet first = channel.readPacket();
		channel.streams(rawIn, rawOut);
		TdsMessage login = first == null ? null : channel.readRest(first);
		loginOnlyPause();
		return login;
	}

	/**
	 * jTDS (ssl=request) closes its SSLSocket after sending the login (TdsCore.login: disableEncryption), and a JDK
	 * SSLSocket being closed can swallow bytes that have already arrived: on loopback the login reply is there before
	 * the close and is lost. Across a network the reply comes later; the lab waits that long.
	 */
	private static void loginOnlyPause() {
		try {
			Thread.sleep(LOGIN_ONLY_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * TDS 7.x: TLS 1.2. "SQL Server supports Transport Layer Security (TLS) 1.3 when TDS 8.0 is used" (sql-docs
	 * tls-1-3.md), and tedious caps the TLS it starts inside PRELOGIN at TLSv1.2 (message-io.ts startTls).
	 */
	private SSLEngine preloginEngine() {
		SSLEngine engine = tls.createSSLEngine();
		engine.setUseClientMode(false);
		engine.setEnabledProtocols(new String[] { "TLSv1.2" });
		return engine;
	}

	/** TDS 8.0: TLS 1.3 or 1.2, ALPN "tds/8.0" (tedious connection.ts wrapWithTls, FreeTDS tls.c TDS8_ALPN). */
	private SSLEngine strictEngine() {
		SSLEngine engine = tls.createSSLEngine();
		engine.setUseClientMode(false);
		engine.setEnabledProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setApplicationProtocols(new String[] { ALPN_TDS_8 });
		engine.setSSLParameters(parameters);
		return engine;
	}

	/**
	 * @param login the client's LOGIN7
	 * @param encrypted TLS carries the whole session (TDS 8.0 or ENCRYPT_ON), not just the login
	 */
	record Result(Login7 login, boolean encrypted) {
	}

}
