package org.pchatfailover.lab.lync.powershell;

import java.util.List;

/**
 * How powershell.exe writes error records to a redirected standard error. Each line of an error's view goes to the
 * host's {@code WriteErrorLine}, which skips an empty line and writes the others ending in CRLF: as text, or, when
 * the shell runs non-interactively from {@code -EncodedCommand} with standard error redirected, as CLIXML (Windows
 * PowerShell's ConsoleHost.ErrorFormat): {@code #< CLIXML}, CRLF, then one {@code <Objs>} element holding an
 * {@code <S S="Error">} string per line, closed when the shell exits, with no line end after it.
 */
public final class ErrorStream {

	private static final String CRLF = "\r\n";

	/** Serialization.XmlCliTag. */
	public static final String CLIXML_TAG = "#< CLIXML";

	/** The root element Serializer.Start writes: RootElementTag, VersionAttribute, the monad namespace. */
	public static final String OBJS = "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">";

	private ErrorStream() {
	}

	/** The errors as text, each view line ending in CRLF. */
	public static String text(List<ErrorRecord> errors) {
		StringBuilder out = new StringBuilder();
		for (ErrorRecord error : errors) {
			for (String line : error.normalView()) {
				if (!line.isEmpty()) {
					out.append(line).append(CRLF);
				}
			}
		}
		return out.toString();
	}

	/** The errors as CLIXML; nothing at all when there are none (the serializer is created at the first write). */
	public static String clixml(List<ErrorRecord> errors) {
		if (errors.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(CLIXML_TAG).append(CRLF).append(OBJS);
		for (ErrorRecord error : errors) {
			for (String line : error.normalView()) {
				if (!line.isEmpty()) {
					out.append("<S S=\"Error\">").append(xmlText(encode(line + CRLF))).append("</S>");
				}
			}
		}
		return out.append("</Objs>").toString();
	}

	/**
	 * InternalSerializer.EncodeString: control characters (0x00-0x1F, 0x7F-0x9F), surrogates and an underscore before
	 * an {@code x} become {@code _xHHHH_}, so CR LF is {@code _x000D__x000A_}.
	 */
	static String encode(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean escapeUnderscore = c == '_' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
			if (c <= 0x1F || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || escapeUnderscore) {
				out.append(String.format("_x%04X_", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	// XmlWriter.WriteString replaces &, < and > in element content
	private static String xmlText(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
