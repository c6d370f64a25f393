"""A DBA's session with pyodbc over FreeTDS's ODBC driver against the lab SQL Server.

usage: /usr/bin/python3 pyodbc_session.py <port> <encryption> <step[=arg]>...
<encryption> is FreeTDS's Encryption keyword (off, request, require), or default to leave it out. Prints one JSON
line per step, {"step", "columns", "rows"} or {"step", "error": {"state", "message"}}; PyodbcClientIT asserts on them.
"""
import json
import sys

import pyodbc


def connect(port, encryption, autocommit=True):
    keyword = "" if encryption == "default" else f"Encryption={encryption};"
    connection = pyodbc.connect(
        f"DRIVER={{FreeTDS}};SERVER=127.0.0.1;PORT={port};UID=lab;PWD=lab;DATABASE=master;{keyword}",
        timeout=10, autocommit=autocommit)
    connection.timeout = 20
    return connection


def query(connection, sql, *params):
    cursor = connection.cursor()
    cursor.execute(sql, *params)
    while cursor.description is None and cursor.nextset():
        pass
    columns = [c[0] for c in cursor.description] if cursor.description else []
    return {"columns": columns, "rows": [list(row) for row in cursor.fetchall()] if columns else []}


def prepared(connection, names):
    # pyodbc prepares a statement with parameters and keeps it for the next execute of the same text
    cursor = connection.cursor()
    rows = []
    for name in names.split(","):
        cursor.execute("SELECT state_desc FROM sys.databases WHERE name = ?", name)
        rows += [list(row) for row in cursor.fetchall()]
    return {"rows": rows}


def transaction(port, encryption):
    # pyodbc's default: autocommit off, so the driver starts a transaction at connect and after each commit
    connection = connect(port, encryption, autocommit=False)
    inside = query(connection, "SELECT @@TRANCOUNT, name FROM sys.databases WHERE name = N'mgc'")
    connection.commit()
    connection.close()
    return {"rows": inside["rows"], "committed": True}


def steps(port, encryption):
    return {
        "connect": lambda c, _: query(c, "SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID"),
        "version": lambda c, _: query(c, "SELECT @@VERSION"),
        "databases": lambda c, _: query(c, "SELECT name, state_desc FROM sys.databases"),
        "logShipping": lambda c, _: query(c, "SELECT * FROM msdb.dbo.log_shipping_secondary"),
        "headerOnly": lambda c, file: query(c, "RESTORE HEADERONLY FROM DISK = N'%s'" % file.replace("'", "''")),
        "headerOnlyParameter": lambda c, file: query(c, "RESTORE HEADERONLY FROM DISK = ?", file),
        "parameterised": lambda c, name: query(c, "SELECT name, state_desc FROM sys.databases WHERE name = ?", name),
        "prepared": prepared,
        "transaction": lambda c, _: transaction(port, encryption),
        "rowcount": lambda c, _: query(c, "SET ROWCOUNT 1; SELECT name FROM sys.databases; SET ROWCOUNT 0"),
    }


def error(ex):
    return {"state": ex.args[0] if ex.args else None, "message": str(ex.args[-1] if ex.args else ex)}


def main(port, encryption, *names):
    try:
        connection = connect(port, encryption)
    except pyodbc.Error as ex:
        print(json.dumps({"step": "login", "error": error(ex)}), flush=True)
        return
    known = steps(port, encryption)
    for step in names:
        name, _, arg = step.partition("=")
        try:
            result = known[name](connection, arg)
            print(json.dumps({"step": name, **result}, default=str), flush=True)
        except pyodbc.Error as ex:
            print(json.dumps({"step": name, "error": error(ex)}), flush=True)
    connection.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
