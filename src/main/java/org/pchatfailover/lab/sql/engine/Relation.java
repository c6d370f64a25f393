package org.pchatfailover.lab.sql.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Expr;
import org.pchatfailover.lab.sql.parse.Statement.TableSource;

/**
 * The rows of a FROM clause: each source's exposed name (its alias, else the object's name: "When an alias is used, the
 * table name cannot be used elsewhere in the statement", sql-docs mssqlserver-4104) and columns, rows side by side.
 * A column is found by its qualifier and name: 4104 for a qualifier no source answers to, 209 for a name two sources
 * have, 207 for a name none has.
 */
final class Relation {

	/** @param written the source as the FROM clause names it, for messages ({@code sys.databases}, {@code d}) */
	record Source(String exposedName, String written, List<Column> columns, int offset) {
	}

	private final List<Source> sources;

	private final List<Column> columns;

	private final List<List<Object>> rows;

	private Relation(List<Source> sources, List<List<Object>> rows) {
		this.sources = List.copyOf(sources);
		this.columns = sources.stream().flatMap(s -> s.columns().stream()).toList();
		this.rows = rows;
	}

	/** No FROM clause: one row without columns. */
	static Relation none() {
		return new Relation(List.of(), List.of(List.of()));
	}

	/** A table as a source; its instants become the server's wall-clock datetime, as a query reads them. */
	static Relation of(Table table, TableSource source, ZoneId zone) {
		List<List<Object>> rows = new ArrayList<>();
		for (List<Object> row : table.rows()) {
			List<Object> values = new ArrayList<>(row.size());
			for (Object value : row) {
				values.add(value instanceof Instant instant
						? DatetimeText.datetime(LocalDateTime.ofInstant(instant, zone)) : value);
			}
			rows.add(values);
		}
		String written = source.alias() != null ? source.alias() : String.join(".", source.name());
		return new Relation(List.of(new Source(source.exposedName(), written, table.columns(), 0)), rows);
	}

	/** The sources of both side by side, rows as the join made them; two sources may not share an exposed name. */
	static Relation combine(Relation left, Relation right, List<List<Object>> rows) {
		List<Source> sources = new ArrayList<>(left.sources);
		for (Source source : right.sources) {
			for (Source existing : left.sources) {
				if (existing.exposedName().equalsIgnoreCase(source.exposedName())) {
					throw new SqlException(QueryErrors.sameExposedNames(existing.written(), source.written()));
				}
			}
			sources.add(new Source(source.exposedName(), source.written(), source.columns(),
					source.offset() + left.columns.size()));
		}
		return new Relation(sources, rows);
	}

	List<List<Object>> rows() {
		return rows;
	}

	List<Column> columns() {
		return columns;
	}

	int width() {
		return columns.size();
	}

	/** The columns of {@code qualifier.*}: 107 when no source has that name. */
	List<Integer> star(String qualifier) {
		List<Integer> indexes = new ArrayList<>();
		for (Source source : sources) {
			if (qualifier == null || source.exposedName().equalsIgnoreCase(last(qualifier))) {
				for (int i = 0; i < source.columns().size(); i++) {
					indexes.add(source.offset() + i);
				}
			}
		}
		if (qualifier != null && indexes.isEmpty()) {
			throw new SqlException(QueryErrors.columnPrefix(qualifier));
		}
		if (qualifier == null && sources.isEmpty()) {
			throw new SqlException(QueryErrors.noTable());
		}
		return indexes;
	}

	int index(Expr.ColumnRef ref) {
		int found = -1;
		boolean sourceFound = ref.qualifier() == null;
		for (Source source : sources) {
			if (ref.qualifier() != null && !source.exposedName().equalsIgnoreCase(last(ref.qualifier()))) {
				continue;
			}
			sourceFound = true;
			for (int i = 0; i < source.columns().size(); i++) {
				if (source.columns().get(i).name().equalsIgnoreCase(ref.name())) {
					if (found >= 0) {
						throw new SqlException(QueryErrors.ambiguousColumn(ref.name()));
					}
					found = source.offset() + i;
				}
			}
		}
		if (!sourceFound) {
			throw new SqlException(QueryErrors.notBound(ref.qualifier() + "." + ref.name()));
		}
		if (found < 0) {
			throw new SqlException(SqlErrors.invalidColumn(ref.name()));
		}
		return found;
	}

	SqlType type(Expr.ColumnRef ref) {
		return columns.get(index(ref)).type();
	}

	/** How SQL Server names a column in 8120 and 8127: the source as written, then the column. */
	String qualifiedName(int index) {
		for (Source source : sources) {
			if (index >= source.offset() && index < source.offset() + source.columns().size()) {
				return source.written() + "." + columns.get(index).name();
			}
		}
		return columns.get(index).name();
	}

	/** A reference to the column at {@code index} that names its source, so it cannot be ambiguous. */
	Expr.ColumnRef reference(int index) {
		for (Source source : sources) {
			if (index >= source.offset() && index < source.offset() + source.columns().size()) {
				return new Expr.ColumnRef(source.exposedName(), columns.get(index).name());
			}
		}
		throw new IllegalArgumentException("no column " + index);
	}

	RowScope scope(List<Object> row) {
		return new RowScope() {

			@Override
			public Object column(Expr.ColumnRef column) {
				return row.get(index(column));
			}

			@Override
			public Object aggregate(Expr.Aggregate aggregate, Evaluator evaluator) {
				throw new SqlException(QueryErrors.aggregateInWhere());
			}

		};
	}

	private static String last(String qualifier) {
		return qualifier.substring(qualifier.lastIndexOf('.') + 1);
	}

}
