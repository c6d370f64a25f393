package org.pchatfailover.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every language says everything English says, and nothing English does not: every string of every
 * {@code bpmn/forms/*.form} component, every report label, problem title and the Tasklist filter's name. A form
 * string added (by anyone) without its five translations fails here, naming the language and the key.
 */
class MessageBundlesTest {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]+}}");

	private static final Pattern CODE = Pattern.compile("`[^`]+`");

	/** Words the runbook's translations keep as they are (Failover in German, Pool in Italian, Ticket in German). */
	private static final int COPY_ALLOWED_UP_TO = 12;

	static List<Locale> translations() {
		return Languages.SUPPORTED.stream().filter(locale -> !locale.equals(Languages.ENGLISH)).toList();
	}

	@ParameterizedTest
	@MethodSource("translations")
	void everyFormStringIsTranslatedAndNothingElse(Locale language) throws IOException {
		Map<String, String> english = englishFormStrings();
		Properties translated = bundle("forms", language);
		assertThat(difference(english.keySet(), translated.stringPropertyNames()))
			.as("form strings %s lacks (add them to forms_%s.properties)", language, suffix(language))
			.isEmpty();
		assertThat(difference(translated.stringPropertyNames(), english.keySet()))
			.as("keys in forms_%s.properties that no .form component has", suffix(language))
			.isEmpty();
		english.forEach((key, text) -> assertSameMarkup(language, key, text, translated.getProperty(key)));
	}

	@ParameterizedTest
	@MethodSource("translations")
	void everyMessageIsTranslatedAndNothingElse(Locale language) throws IOException {
		Properties english = bundle("messages", Languages.ENGLISH);
		Properties translated = bundle("messages", language);
		assertThat(difference(english.stringPropertyNames(), translated.stringPropertyNames()))
			.as("messages %s lacks", language)
			.isEmpty();
		assertThat(difference(translated.stringPropertyNames(), english.stringPropertyNames()))
			.as("messages_%s has keys English lacks", suffix(language))
			.isEmpty();
		english.stringPropertyNames()
			.forEach(key -> assertSameMarkup(language, key, english.getProperty(key), translated.getProperty(key)));
	}

	@Test
	void englishHasATitleForEveryProblemTheCodeWrites() throws IOException {
		Properties english = bundle("messages", Languages.ENGLISH);
		Set<String> titles = problemTitlesInTheCode();
		assertThat(titles).as("the scan finds the titles it should").contains("Invalid request", "Unauthorized");
		assertThat(titles.stream().map(ProblemTitles::key).filter(key -> !english.containsKey(key)).toList())
			.as("problem titles in src/main/java without a key in messages.properties")
			.isEmpty();
	}

	@Test
	void theEnglishFormsBundleIsEmptyBecauseTheFormsAreTheEnglish() throws IOException {
		assertThat(bundle("forms", Languages.ENGLISH)).isEmpty();
	}

	@Test
	void theBundlesAreReadAsUtf8() {
		assertThat(Messages.of(Languages.GERMAN).formText("verifyService.ServiceVerifiedField.values.false"))
			.contains("Nein: die aktiven Server ändern");
		assertThat(Messages.of(Languages.SIMPLIFIED_CHINESE).text("tasklistFilter.name")).isEqualTo("故障转移任务");
		assertThat(Messages.of(Languages.ENGLISH).formText("verifyService.ServiceVerifiedField.values.false")).isEmpty();
	}

	/** Templating and code spans are what the reader must see unchanged; a real translation is not the English. */
	private static void assertSameMarkup(Locale language, String key, String english, String translated) {
		if (translated == null) {
			return;
		}
		assertThat(all(TEMPLATE, translated)).as("%s %s: {{variables}}", language, key).isEqualTo(all(TEMPLATE, english));
		assertThat(all(CODE, translated)).as("%s %s: `code`", language, key).isEqualTo(all(CODE, english));
		assertThat(Templates.holes(translated)).as("%s %s: {holes}", language, key)
			.containsExactlyInAnyOrderElementsOf(Templates.holes(english));
		if (english.length() > COPY_ALLOWED_UP_TO) {
			assertThat(translated).as("%s %s is the English, not a translation", language, key).isNotEqualTo(english);
		}
	}

	private static Set<String> all(Pattern pattern, String text) {
		return pattern.matcher(text).results().map(MatchResult::group).collect(Collectors.toCollection(TreeSet::new));
	}

	static Map<String, String> englishFormStrings() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Map<String, String> strings = new LinkedHashMap<>();
		try (Stream<Path> forms = Files.list(Path.of("bpmn/forms"))) {
			for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				strings.putAll(FormTranslation.englishStrings(json.readTree(form.toFile())));
			}
		}
		assertThat(strings).as("the forms' strings").hasSizeGreaterThan(50);
		return strings;
	}

	/** One bundle file by itself, without the parent chain ResourceBundle would fall back to. */
	static Properties bundle(String name, Locale language) throws IOException {
		String file = "/i18n/" + name + (language.equals(Languages.ENGLISH) ? "" : "_" + suffix(language))
				+ ".properties";
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream(file)) {
			assertThat(in).as(file).isNotNull();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static String suffix(Locale language) {
		return language.getCountry().isEmpty() ? language.getLanguage()
				: language.getLanguage() + "_" + language.getCountry();
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	/**
	 * The titles the code gives its problems: {@code setTitle("...")}, {@code problem(HttpStatus.X, "...")},
	 * {@code badRequest("...")} and the filters' {@code "title":"..."} and {@code SC_..., "..."}, plus the HTTP
	 * reason phrases Spring uses when a problem has no title of its own.
	 */
	static Set<String> problemTitlesInTheCode() throws IOException {
		Pattern[] patterns = { Pattern.compile("setTitle\\(\"([^\"]+)\"\\)"),
				Pattern.compile("problem\\(HttpStatus\\.[A-Z_]+, \"([A-Z][^\"]+)\""),
				Pattern.compile("badRequest\\(\"([^\"]+)\""), Pattern.compile("\\\\\"title\\\\\":\\\\\"([^\\\\]+)\\\\\""),
				Pattern.compile("HttpServletResponse\\.SC_[A-Z_]+, \"([^\"]+)\"") };
		Set<String> titles = new HashSet<>(List.of("Bad Request", "Not Found", "Forbidden", "Unauthorized",
				"Not Acceptable", "Conflict", "Method Not Allowed", "Unsupported Media Type", "Internal Server Error"));
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				for (Pattern pattern : patterns) {
					pattern.matcher(source).results().map(m -> m.group(1)).forEach(titles::add);
				}
			}
		}
		return titles;
	}

}
