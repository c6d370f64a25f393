package org.pchatfailover.lab.sql.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.pchatfailover.lab.sql.errors.QueryErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Select;

/**
 * A SELECT in a batch: its FROM clause's tables and views resolved and joined, its rows as a result set, or with
 * {@code SELECT @v = ...} the last row's values in the variables. A SELECT from a table begins a transaction under
 * IMPLICIT_TRANSACTIONS ON.
 */
final class SelectExecutor {

	private final LabSqlEngine engine;

	private final SqlSession session;

	private final Map<String, Object> variables;

	SelectExecutor(LabSqlEngine engine, SqlSession session, Map<String, Object> variables) {
		this.engine = engine;
		this.session = session;
		this.variables = variables;
	}

	/** @param assign sets a variable (by name as written) to a value, converted to its declared type */
	List<Outcome> execute(Select select, BiConsumer<String, Object> assign) {
		Predicates.refuseSubqueries(select);
		List<Outcome> outcomes = new ArrayList<>(select.from() == null ? List.of() : Transactions.implicitBegin(session));
		if (select.assigns()) {
			List<Object> last = engine.store().read(state -> {
				Evaluator evaluator = evaluator(state);
				return new QueryEvaluator(evaluator).assignments(select, relation(select, state, evaluator),
						session.options().rowcount);
			});
			// no row leaves the variables as they were
			for (int i = 0; last != null && i < select.items().size(); i++) {
				assign.accept(select.items().get(i).variable(), last.get(i));
			}
			return outcomes;
		}
		outcomes.add(engine.store().read(state -> {
			Evaluator evaluator = evaluator(state);
			return new QueryEvaluator(evaluator).run(select, relation(select, state, evaluator),
					session.options().rowcount);
		}));
		return outcomes;
	}

	/** An IF's {@code EXISTS (subquery)}: whether the query returns a row; it starts no implicit transaction. */
	boolean anyRows(Select select) {
		Predicates.refuseSubqueries(select);
		if (select.assigns()) {
			throw new SqlException(QueryErrors.assignmentWithRetrieval());
		}
		return engine.store().read(state -> {
			Evaluator evaluator = evaluator(state);
			return !new QueryEvaluator(evaluator).run(select, relation(select, state, evaluator), 0).rows().isEmpty();
		});
	}

	private Relation relation(Select select, LabSqlState state, Evaluator evaluator) {
		if (select.from() == null) {
			return Relation.none();
		}
		FromClause from = new FromClause(
				source -> Relation.of(engine.views().resolve(state, session, source.name()), source, evaluator.zone()),
				new Predicates(evaluator));
		return from.relation(select.from(), select.joins());
	}

	private Evaluator evaluator(LabSqlState state) {
		return new Evaluator(state, session, variables, engine.serverName(), engine.version(), engine.clock());
	}

}
