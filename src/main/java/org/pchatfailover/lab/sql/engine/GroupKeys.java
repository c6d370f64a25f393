package org.pchatfailover.lab.sql.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * When two values are the same for GROUP BY, DISTINCT and COUNT(DISTINCT): text ignoring case (the instance's _CI_AS
 * collation), numbers by value whatever their type, and NULLs together.
 */
final class GroupKeys {

	private static final Object NULL = new Object();

	private GroupKeys() {
	}

	static Object key(Object value) {
		Object plain = SqlVariant.unwrap(value);
		if (plain == null) {
			return NULL;
		}
		if (plain instanceof String text) {
			return text.toLowerCase(Locale.ROOT);
		}
		if (plain instanceof Boolean bit) {
			return bit ? BigDecimal.ONE : BigDecimal.ZERO;
		}
		if (plain instanceof Number number) {
			BigDecimal decimal = Comparisons.decimal(number);
			return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
		}
		if (plain instanceof byte[] bytes) {
			return HexFormat.of().formatHex(bytes);
		}
		return plain;
	}

	static List<Object> keys(List<Object> values) {
		List<Object> keys = new ArrayList<>(values.size());
		values.forEach(v -> keys.add(key(v)));
		return keys;
	}

}
