package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;

/**
 * Search conditions: {@code NOT} binds tighter than {@code AND}, {@code AND} tighter than {@code OR}; a parenthesis
 * opens either a condition or an expression ({@code (a = 1 OR b = 2)} against {@code (size + 1) * 8 > 0}), tried in
 * that order. {@code EXISTS (subquery)} is parsed; comparisons with a subquery are refused as the lab's limit.
 */
final class PredicateParser {

	private static final int NOT_SIMULATED = 40517;

	private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");

	private final TokenCursor in;

	PredicateParser(TokenCursor in) {
		this.in = in;
	}

	Predicate condition() {
		Predicate left = andTerm();
		while (in.accept("OR")) {
			left = new Predicate.Or(left, andTerm());
		}
		return left;
	}

	private Predicate andTerm() {
		Predicate left = notTerm();
		while (in.accept("AND")) {
			left = new Predicate.And(left, notTerm());
		}
		return left;
	}

	private Predicate notTerm() {
		if (in.accept("NOT")) {
			return new Predicate.Not(notTerm());
		}
		if (in.peek().isSymbol("(") && !in.peek(1).is("SELECT")) {
			int mark = in.mark();
			try {
				in.next();
				Predicate inner = condition();
				in.expectSymbol(")");
				return inner;
			}
			catch (SqlException notACondition) {
				if (notACondition.number() == NOT_SIMULATED) {
					throw notACondition;
				}
				in.reset(mark); // a parenthesized expression: (size + 1) * 8 > 0
			}
		}
		return predicate();
	}

	private Predicate predicate() {
		if (in.accept("EXISTS")) {
			in.expectSymbol("(");
			Statement.Select query = (Statement.Select) new SelectParser(in).select();
			in.expectSymbol(")");
			return new Predicate.Exists(query);
		}
		Expr value = expression();
		boolean negated = in.accept("NOT");
		if (in.accept("LIKE")) {
			Expr pattern = expression();
			return new Predicate.Like(value, pattern, in.accept("ESCAPE") ? expression() : null, negated);
		}
		if (in.accept("IN")) {
			return new Predicate.In(value, list(), negated);
		}
		if (in.accept("BETWEEN")) {
			Expr low = expression();
			in.expect("AND");
			return new Predicate.Between(value, low, expression(), negated);
		}
		if (!negated && in.accept("IS")) {
			boolean not = in.accept("NOT");
			in.expect("NULL");
			return new Predicate.IsNull(value, not);
		}
		Token operator = in.peek();
		if (negated || operator.kind() != Token.Kind.SYMBOL || !COMPARISONS.contains(operator.text())) {
			throw in.syntaxError();
		}
		in.next();
		if (in.peek().is("ALL") || in.peek().is("ANY") || in.peek().is("SOME")
				|| (in.peek().isSymbol("(") && in.peek(1).is("SELECT"))) {
			throw new SqlException(SqlErrors.notSimulated("a comparison with a subquery"));
		}
		return new Predicate.Comparison(value, operator.text(), expression());
	}

	private List<Expr> list() {
		in.expectSymbol("(");
		if (in.peek().is("SELECT")) {
			throw new SqlException(SqlErrors.notSimulated("IN (a subquery)"));
		}
		List<Expr> values = new ArrayList<>();
		do {
			values.add(expression());
		}
		while (in.acceptSymbol(","));
		in.expectSymbol(")");
		return values;
	}

	private Expr expression() {
		return new ExpressionParser(in).expression();
	}

}
