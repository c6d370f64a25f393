package org.pchatfailover.ticketing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a callback goes: an absolute http or https URL. Logs and job failure messages show it without query and
 * user info, because some ticketing systems put a token there.
 */
final class CallbackUrl {

	/** Fits the engine's job configuration column (4000 characters) with the callback beside it. */
	static final int MAX_LENGTH = 2000;

	private CallbackUrl() {
	}

	/** The URL, or empty when the text is no usable http(s) URL. */
	static Optional<URI> parse(String text) {
		if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(text.strip());
			String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean usable = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
			return usable ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	static URI require(String text, String what) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException(
				what + " must be an absolute http or https URL of at most " + MAX_LENGTH + " characters"));
	}

	/** scheme://host:port/path, for log lines and failure messages. */
	static String redacted(URI url) {
		String port = (url.getPort() < 0) ? "" : ":" + url.getPort();
		String path = (url.getRawPath() == null) ? "" : url.getRawPath();
		return url.getScheme() + "://" + url.getHost() + port + path;
	}

}
