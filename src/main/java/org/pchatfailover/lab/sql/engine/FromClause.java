package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Predicate;
import org.pchatfailover.lab.sql.parse.Statement.Join;
import org.pchatfailover.lab.sql.parse.Statement.TableSource;

/**
 * Joins the FROM clause's sources left to right: INNER keeps the pairs whose ON condition is true, LEFT (RIGHT) also
 * each left (right) row no pair kept, with NULLs for the other side, FULL both, CROSS every pair.
 */
final class FromClause {

	private final Function<TableSource, Relation> tables;

	private final Predicates predicates;

	/** @param tables the relation of one table or view of the clause */
	FromClause(Function<TableSource, Relation> tables, Predicates predicates) {
		this.tables = tables;
		this.predicates = predicates;
	}

	Relation relation(TableSource from, List<Join> joins) {
		Relation relation = tables.apply(from);
		for (Join join : joins) {
			if (Aggregates.contains(join.on())) {
				throw new SqlException(QueryErrors.aggregateInOn());
			}
			relation = join(relation, tables.apply(join.table()), join);
		}
		return relation;
	}

	private Relation join(Relation left, Relation right, Join join) {
		List<List<Object>> rows = new ArrayList<>();
		Relation joined = Relation.combine(left, right, rows);
		boolean[] rightMatched = new boolean[right.rows().size()];
		for (List<Object> l : left.rows()) {
			boolean matched = false;
			for (int r = 0; r < right.rows().size(); r++) {
				List<Object> row = concat(l, right.rows().get(r));
				if (join.on() == null || predicates.holds(join.on(), joined.scope(row))) {
					rows.add(row);
					matched = true;
					rightMatched[r] = true;
				}
			}
			if (!matched && (join.type().equals("LEFT") || join.type().equals("FULL"))) {
				rows.add(concat(l, Collections.nCopies(right.width(), null)));
			}
		}
		if (join.type().equals("RIGHT") || join.type().equals("FULL")) {
			for (int r = 0; r < right.rows().size(); r++) {
				if (!rightMatched[r]) {
					rows.add(concat(Collections.nCopies(left.width(), null), right.rows().get(r)));
				}
			}
		}
		return joined;
	}

	private static List<Object> concat(List<Object> left, List<Object> right) {
		List<Object> row = new ArrayList<>(left.size() + right.size());
		row.addAll(left);
		row.addAll(right);
		return row;
	}

}
