package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.List;

/** A catalog view or msdb table as the lab materialises it for one query. */
record Table(String name, List<Column> columns, List<List<Object>> rows) {

	static Builder named(String name) {
		return new Builder(name);
	}

	int indexOf(String column) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).name().equalsIgnoreCase(column)) {
				return i;
			}
		}
		return -1;
	}

	static final class Builder {

		private final String name;

		private final List<Column> columns = new ArrayList<>();

		private final List<List<Object>> rows = new ArrayList<>();

		private Builder(String name) {
			this.name = name;
		}

		Builder column(String column, SqlType type) {
			columns.add(new Column(column, type));
			return this;
		}

		Builder row(Object... values) {
			rows.add(java.util.Arrays.asList(values));
			return this;
		}

		Table build() {
			return new Table(name, List.copyOf(columns), rows);
		}

	}

}
