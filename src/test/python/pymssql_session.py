"""A DBA's session with pymssql (FreeTDS's DB-Library underneath) against the lab SQL Server.

usage: /usr/bin/python3 pymssql_session.py <port> <autocommit|default> <step[=arg]>...
default is pymssql's own connect (autocommit off: it begins a transaction at once). Prints one JSON line per step,
{"step", "columns", "rows"} or {"step", "error": {"number", "message"}}; PymssqlClientIT asserts on them.
"""
import json
import sys

import pymssql


def connect(port, mode):
    options = {"autocommit": True} if mode == "autocommit" else {}
    return pymssql.connect(server="127.0.0.1", port=port, user="lab", password="lab", database="master",
                           login_timeout=10, timeout=20, **options)


def query(connection, sql, params=None):
    cursor = connection.cursor()
    cursor.execute(sql, params)
    while cursor.description is None and cursor.nextset():
        pass
    columns = [c[0] for c in cursor.description] if cursor.description else []
    return {"columns": columns, "rows": [list(row) for row in cursor.fetchall()] if columns else []}


def batch(connection, sql):
    """Every result set of a batch, as a DBA's query window shows them."""
    cursor = connection.cursor()
    cursor.execute(sql)
    sets = []
    while True:
        if cursor.description:
            sets.append({"columns": [c[0] for c in cursor.description], "rows": [list(r) for r in cursor.fetchall()]})
        if not cursor.nextset():
            break
    return {"sets": sets, "rows": sets[0]["rows"] if sets else []}


def transaction(port):
    connection = connect(port, "default")
    inside = query(connection, "SELECT @@TRANCOUNT, name FROM sys.databases WHERE name = %s", ("mgc",))
    connection.commit()
    connection.close()
    return {"rows": inside["rows"], "committed": True}


def steps(port):
    return {
        "sql": lambda c, sql: batch(c, sql),
        "connect": lambda c, _: query(c, "SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID"),
        "version": lambda c, _: query(c, "SELECT @@VERSION"),
        "databases": lambda c, _: query(c, "SELECT name, state_desc FROM sys.databases"),
        "logShipping": lambda c, _: query(c, "SELECT * FROM msdb.dbo.log_shipping_secondary"),
        "headerOnlyParameter": lambda c, file: query(c, "RESTORE HEADERONLY FROM DISK = %s", (file,)),
        "parameterised": lambda c, name: query(c, "SELECT name, state_desc FROM sys.databases WHERE name = %s",
                                                (name,)),
        "transaction": lambda c, _: transaction(port),
        "rowcount": lambda c, _: query(c, "SET ROWCOUNT 1; SELECT name FROM sys.databases; SET ROWCOUNT 0"),
    }


def error(ex):
    number = ex.args[0] if ex.args and isinstance(ex.args[0], int) else None
    return {"number": number, "message": str(ex)}


def main(port, mode, *names):
    try:
        connection = connect(port, mode)
    except pymssql.Error as ex:
        print(json.dumps({"step": "login", "error": error(ex)}), flush=True)
        return
    known = steps(port)
    for step in names:
        name, _, arg = step.partition("=")
        try:
            print(json.dumps({"step": name, **known[name](connection, arg)}, default=str), flush=True)
        except pymssql.Error as ex:
            print(json.dumps({"step": name, "error": error(ex)}), flush=True)
    connection.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
