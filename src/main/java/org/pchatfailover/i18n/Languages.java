package org.pchatfailover.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages the product speaks: English and the languages Microsoft published the runbook "Failing over
 * Persistent Chat Server" in (DESIGN-NOTES, "The runbook's languages"). A reader's language comes from the
 * browser's {@code Accept-Language}; anything we do not speak gets English.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale BRAZILIAN_PORTUGUESE = Locale.forLanguageTag("pt-BR");

	public static final Locale ITALIAN = Locale.ITALIAN;

	public static final Locale SPANISH = Locale.forLanguageTag("es");

	public static final Locale SIMPLIFIED_CHINESE = Locale.forLanguageTag("zh-CN");

	public static final Locale GERMAN = Locale.GERMAN;

	/** English first: it is the source every other language is translated from, and the fallback. */
	public static final List<Locale> SUPPORTED = List.of(ENGLISH, BRAZILIAN_PORTUGUESE, ITALIAN, SPANISH,
			SIMPLIFIED_CHINESE, GERMAN);

	private Languages() {
	}

	/**
	 * The language to answer in: the first range of {@code Accept-Language} (by weight, RFC 9110 section 12.5.4) that
	 * one of ours matches, else English. A malformed header is read as no header: the reader still gets an answer.
	 */
	public static Locale fromAcceptLanguage(String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return ENGLISH;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(acceptLanguage);
		}
		catch (IllegalArgumentException ex) {
			return ENGLISH;
		}
		// parse() orders the ranges by weight, highest first, and drops none; q=0 means "not this one"
		return ranges.stream()
			.filter(range -> range.getWeight() > 0)
			.map(range -> match(range.getRange()))
			.filter(locale -> locale != null)
			.findFirst()
			.orElse(ENGLISH);
	}

	/** Ours for one language range, or null. Ranges arrive lower-cased from {@code LanguageRange}. */
	static Locale match(String range) {
		if (range.equals("*")) {
			return ENGLISH;
		}
		String[] subtags = range.split("-");
		return switch (subtags[0]) {
			case "en" -> ENGLISH;
			// the runbook is published in Brazilian Portuguese only: closer to a pt-PT reader than English
			case "pt" -> BRAZILIAN_PORTUGUESE;
			case "it" -> ITALIAN;
			case "es" -> SPANISH;
			case "de" -> GERMAN;
			case "zh" -> simplifiedChinese(subtags) ? SIMPLIFIED_CHINESE : null;
			default -> null;
		};
	}

	/**
	 * zh, zh-CN, zh-SG, zh-Hans(-*) are written in simplified characters; zh-TW, zh-HK, zh-MO and zh-Hant(-*) in
	 * traditional ones, which our zh-CN text would not serve: those fall through to the next range.
	 */
	private static boolean simplifiedChinese(String[] subtags) {
		if (subtags.length == 1) {
			return true;
		}
		return switch (subtags[1]) {
			case "hans", "cn", "sg" -> true;
			default -> false;
		};
	}

	/** The tag to write in {@code <html lang>} and {@code Content-Language}: {@code en}, {@code pt-BR}, {@code zh-CN}. */
	public static String tag(Locale locale) {
		return locale.toLanguageTag();
	}

}
