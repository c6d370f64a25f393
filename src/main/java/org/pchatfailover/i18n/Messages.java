package org.pchatfailover.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The product's own sentences in one reader's language, from {@code i18n/messages*.properties} (the report, the
 * problem titles, Tasklist's filter) and {@code i18n/forms*.properties} (the forms; their English is the .form file
 * itself). The files are UTF-8: since Java 9 a properties bundle is read as UTF-8 (JEP 226). A key a language lacks
 * falls back to English; {@code MessageBundlesTest} fails the build before that can happen.
 */
public final class Messages {

	static final String MESSAGES = "i18n.messages";

	static final String FORMS = "i18n.forms";

	// no fallback to the JVM's default locale: a server in Germany must still answer an English reader in English
	private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final Locale locale;

	private final ResourceBundle messages;

	private final ResourceBundle forms;

	private Messages(Locale locale) {
		this.locale = locale;
		this.messages = ResourceBundle.getBundle(MESSAGES, locale, NO_DEFAULT_LOCALE);
		this.forms = ResourceBundle.getBundle(FORMS, locale, NO_DEFAULT_LOCALE);
	}

	/** One of {@link Languages#SUPPORTED}; any other locale is answered in English. */
	public static Messages of(Locale locale) {
		return new Messages(Languages.SUPPORTED.contains(locale) ? locale : Languages.ENGLISH);
	}

	public static Messages forAcceptLanguage(String acceptLanguage) {
		return of(Languages.fromAcceptLanguage(acceptLanguage));
	}

	public Locale locale() {
		return locale;
	}

	/** The sentence for {@code key}; the key itself if even English lacks it, so a gap shows instead of failing. */
	public String text(String key) {
		try {
			return messages.getString(key);
		}
		catch (MissingResourceException ex) {
			return key;
		}
	}

	/** Whether English has this sentence: problem titles we do not know stay as they are. */
	public boolean has(String key) {
		return messages.containsKey(key);
	}

	/** A form's text in this language, or empty for English (the .form file is the English). */
	public Optional<String> formText(String key) {
		return forms.containsKey(key) ? Optional.of(forms.getString(key)) : Optional.empty();
	}

}
