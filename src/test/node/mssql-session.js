'use strict';
// A DBA's session with the mssql package (over tedious) against the lab SQL Server:
// node mssql-session.js <port> <encrypt> <step[=arg]>...  (<encrypt>: false, true, strict, or default).
// Prints one JSON line per step: {"step", "columns", "rows"} or {"step", "error": {"code", "number", "message"}}.
const fs = require('fs');
const sql = require('mssql');

const [port, encrypt, ...steps] = process.argv.slice(2);

function config() {
  const options = { trustServerCertificate: true };
  if (encrypt !== 'default') {
    options.encrypt = encrypt === 'strict' ? 'strict' : encrypt === 'true';
  }
  // strict (TDS 8.0) validates the certificate whatever trustServerCertificate says: trust the lab's own
  if (encrypt === 'strict' && process.env.LAB_CA_FILE) {
    options.cryptoCredentialsDetails = { ca: fs.readFileSync(process.env.LAB_CA_FILE) };
  }
  return {
    server: '127.0.0.1', port: Number(port), user: 'lab', password: 'lab', database: 'master',
    connectionTimeout: 10000, requestTimeout: 20000, pool: { max: 1 }, options,
  };
}

function rows(result) {
  const set = result.recordset || [];
  return { columns: Object.keys(set.columns || {}), rows: set.map((row) => Object.values(row)) };
}

async function prepared(pool, names) {
  const statement = new sql.PreparedStatement(pool);
  statement.input('name', sql.NVarChar(128));
  await statement.prepare('SELECT state_desc FROM sys.databases WHERE name = @name');
  try {
    const all = [];
    for (const name of names) {
      all.push(...rows(await statement.execute({ name })).rows);
    }
    return { rows: all };
  } finally {
    await statement.unprepare();
  }
}

async function transaction(pool) {
  const tx = new sql.Transaction(pool);
  await tx.begin();
  const inside = (await new sql.Request(tx).query('SELECT @@TRANCOUNT')).recordset[0];
  await tx.commit();
  const after = (await pool.request().query('SELECT @@TRANCOUNT')).recordset[0];
  return { rows: [[Object.values(inside)[0], Object.values(after)[0]]] };
}

async function cancel(pool, text, afterMillis) {
  const started = Date.now();
  const request = pool.request();
  setTimeout(() => request.cancel(), afterMillis);
  let cancelled = null;
  try {
    await request.query(text);
  } catch (err) {
    cancelled = { code: err.code, message: err.message };
  }
  const after = rows(await pool.request().query('SELECT DB_NAME()'));
  return { cancelled, millis: Date.now() - started, rows: after.rows };
}

const STEPS = {
  connect: (p) => p.request().query('SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID').then(rows),
  databases: (p) => p.request().query('SELECT name, state_desc FROM sys.databases').then(rows),
  parameterised: (p, name) => p.request().input('name', sql.NVarChar, name)
    .query('SELECT name, state_desc FROM sys.databases WHERE name = @name').then(rows),
  headerOnlyParameter: (p, file) => p.request().input('file', sql.NVarChar, file)
    .query('RESTORE HEADERONLY FROM DISK = @file').then(rows),
  prepared: (p, names) => prepared(p, names.split(',')),
  transaction: (p) => transaction(p),
  cancelWaitfor: (p) => cancel(p, "WAITFOR DELAY '00:00:30'; SELECT 1", 500),
};

function describe(err) {
  const cause = err.originalError || {};
  return { code: err.code || null, number: err.number || cause.number || null, message: err.message };
}

async function main() {
  let pool;
  try {
    pool = await new sql.ConnectionPool(config()).connect();
  } catch (err) {
    console.log(JSON.stringify({ step: 'login', error: describe(err) }));
    return;
  }
  for (const step of steps) {
    const [name, arg] = step.split(/=(.*)/s);
    try {
      console.log(JSON.stringify({ step: name, ...(await STEPS[name](pool, arg)) }));
    } catch (err) {
      console.log(JSON.stringify({ step: name, error: describe(err) }));
    }
  }
  await pool.close();
}

main();
