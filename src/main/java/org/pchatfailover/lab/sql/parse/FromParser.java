package org.pchatfailover.lab.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pchatfailover.lab.sql.errors.SqlErrors;
import org.pchatfailover.lab.sql.errors.SqlException;
import org.pchatfailover.lab.sql.parse.Statement.Join;
import org.pchatfailover.lab.sql.parse.Statement.TableSource;

/**
 * The FROM clause: tables and views ({@code [db.][schema.]object}) with an alias ({@code [AS] alias}) and the table
 * hints NOLOCK, READUNCOMMITTED and READCOMMITTED (nothing in the lab takes locks or changes rows while a query reads);
 * joined by {@code [INNER] JOIN}, {@code LEFT | RIGHT | FULL [OUTER] JOIN ... ON}, {@code CROSS JOIN} or a comma.
 * Derived tables, table-valued functions, table variables, APPLY, join hints and other table hints are the lab's limit.
 */
final class FromParser {

	private static final Set<String> HINTS = Set.of("NOLOCK", "READUNCOMMITTED", "READCOMMITTED");

	private final TokenCursor in;

	FromParser(TokenCursor in) {
		this.in = in;
	}

	TableSource source() {
		Token first = in.peek();
		if (first.isSymbol("(")) {
			throw new SqlException(SqlErrors.notSimulated("a derived table"));
		}
		if (first.kind() == Token.Kind.VARIABLE) {
			throw new SqlException(SqlErrors.notSimulated("a table variable"));
		}
		List<String> name = in.qualifiedName();
		if (in.peek().isSymbol("(")) {
			throw new SqlException(SqlErrors.notSimulated(String.join(".", name) + "()"));
		}
		String alias = alias();
		hints();
		return new TableSource(name, alias);
	}

	List<Join> joins() {
		List<Join> joins = new ArrayList<>();
		while (true) {
			if (in.acceptSymbol(",")) {
				joins.add(new Join("CROSS", source(), null));
				continue;
			}
			String type = joinType();
			if (type == null) {
				return joins;
			}
			TableSource table = source();
			if (type.equals("CROSS")) {
				joins.add(new Join(type, table, null));
				continue;
			}
			in.expect("ON");
			joins.add(new Join(type, table, new PredicateParser(in).condition()));
		}
	}

	/** The join type before JOIN, null when no join follows. */
	private String joinType() {
		Token next = in.peek();
		if (next.is("CROSS") || next.is("OUTER")) {
			if (in.peek(1).is("APPLY")) {
				throw new SqlException(SqlErrors.notSimulated(next.upper() + " APPLY"));
			}
			if (next.is("CROSS")) {
				in.next();
				in.expect("JOIN");
				return "CROSS";
			}
		}
		String type;
		if (in.accept("JOIN")) {
			return "INNER";
		}
		if (in.accept("INNER")) {
			type = "INNER";
		}
		else if (next.is("LEFT") || next.is("RIGHT") || next.is("FULL")) {
			in.next();
			type = next.upper();
			in.accept("OUTER");
		}
		else {
			return null;
		}
		Token hint = in.peek();
		if (hint.is("LOOP") || hint.is("HASH") || hint.is("MERGE") || hint.is("REMOTE")) {
			throw new SqlException(SqlErrors.notSimulated(type + " " + hint.upper() + " JOIN"));
		}
		in.expect("JOIN");
		return type;
	}

	private String alias() {
		if (in.accept("AS")) {
			return in.identifier();
		}
		Token next = in.peek();
		boolean name = next.kind() == Token.Kind.QUOTED_IDENTIFIER
				|| (next.kind() == Token.Kind.WORD && !ReservedKeywords.is(next) && !next.is("APPLY")
						&& !next.is("PIVOT") && !next.is("UNPIVOT") && !next.is("TABLESAMPLE"));
		return name ? in.next().text() : null;
	}

	/** {@code WITH (NOLOCK)}, or the older {@code (NOLOCK)}. */
	private void hints() {
		boolean with = in.peek().is("WITH") && in.peek(1).isSymbol("(");
		if (!with && !(in.peek().isSymbol("(") && HINTS.contains(in.peek(1).upper()))) {
			return;
		}
		if (with) {
			in.next();
		}
		in.expectSymbol("(");
		do {
			Token hint = in.next();
			if (hint.kind() != Token.Kind.WORD) {
				throw TokenCursor.errorNear(hint);
			}
			if (!HINTS.contains(hint.upper())) {
				throw new SqlException(SqlErrors.notSimulated("the table hint " + hint.upper()));
			}
		}
		while (in.acceptSymbol(","));
		in.expectSymbol(")");
	}

}
