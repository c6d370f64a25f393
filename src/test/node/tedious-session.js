'use strict';
// A DBA's session with tedious against the lab SQL Server: node tedious-session.js <port> <encrypt> <step[=arg]>...
// <encrypt> is false, true, strict, or default (tedious's own default, which is true). Prints one JSON line per
// step: {"step", "columns", "rows"} or {"step", "error": {"code", "number", "message"}}; NodeClientsIT asserts on them.
const fs = require('fs');
const { Connection, Request, TYPES } = require('tedious');

const [port, encrypt, ...steps] = process.argv.slice(2);

function connect() {
  const options = { port: Number(port), trustServerCertificate: true, connectTimeout: 10000, requestTimeout: 20000 };
  if (encrypt !== 'default') {
    options.encrypt = encrypt === 'strict' ? 'strict' : encrypt === 'true';
  }
  // strict (TDS 8.0) validates the certificate whatever trustServerCertificate says: trust the lab's own
  if (encrypt === 'strict' && process.env.LAB_CA_FILE) {
    options.cryptoCredentialsDetails = { ca: fs.readFileSync(process.env.LAB_CA_FILE) };
  }
  const connection = new Connection({
    server: '127.0.0.1',
    authentication: { type: 'default', options: { userName: 'lab', password: 'lab' } },
    options,
  });
  return new Promise((resolve, reject) => connection.connect((err) => (err ? reject(err) : resolve(connection))));
}

// runs one request, collecting its result sets' columns and rows
function run(connection, sql, params = [], send = (request) => connection.execSql(request)) {
  return new Promise((resolve, reject) => {
    const result = { columns: [], rows: [] };
    const request = new Request(sql, (err) => (err ? reject(err) : resolve(result)));
    params.forEach(([name, value]) => request.addParameter(name, TYPES.NVarChar, value));
    request.on('columnMetadata', (columns) => { result.columns = columns.map((c) => c.colName); });
    request.on('row', (columns) => result.rows.push(columns.map((c) => c.value)));
    send(request);
  });
}

// sp_prepare once, sp_execute per value, sp_unprepare. tedious ends the prepare with a 'prepared' or an 'error'
// event, and each execute and the unprepare with the request's callback.
function prepareAndExecute(connection, sql, values) {
  return new Promise((resolve, reject) => {
    const result = { handle: null, rows: [] };
    let executed = 0;
    let unprepared = false;
    const next = () => {
      if (executed < values.length) {
        connection.execute(request, { name: values[executed++] });
      } else {
        unprepared = true;
        connection.unprepare(request);
      }
    };
    const request = new Request(sql, (err) => {
      if (err) {
        reject(err);
      } else if (unprepared) {
        resolve(result);
      } else {
        next();
      }
    });
    request.addParameter('name', TYPES.NVarChar);
    request.on('error', reject);
    request.on('prepared', () => {
      result.handle = request.handle;
      next();
    });
    request.on('row', (columns) => result.rows.push(columns.map((c) => c.value)));
    connection.prepare(request);
  });
}

function transaction(connection) {
  const inTransaction = {};
  return new Promise((resolve, reject) => connection.beginTransaction((err) => (err ? reject(err) : resolve())))
    .then(() => run(connection, 'SELECT @@TRANCOUNT'))
    .then((r) => { inTransaction.trancount = r.rows[0][0]; })
    .then(() => new Promise((resolve, reject) => connection.commitTransaction((err) => (err ? reject(err) : resolve()))))
    .then(() => run(connection, 'SELECT @@TRANCOUNT'))
    .then((r) => ({ rows: [[inTransaction.trancount, r.rows[0][0]]] }));
}

// cancels after a delay; reports the error the request ended with, how long it took, and whether the session lives on
function cancel(connection, sql, afterMillis) {
  const started = Date.now();
  return new Promise((resolve) => {
    const request = new Request(sql, (err) => resolve(err));
    connection.execSql(request);
    setTimeout(() => request.cancel(), afterMillis);
  }).then((err) => run(connection, 'SELECT DB_NAME()').then((after) => ({
    cancelled: err ? { code: err.code, message: err.message } : null,
    millis: Date.now() - started,
    rows: after.rows,
  })));
}

// every result set of a batch and the informational messages it sent (PRINT, 3262), as a query window shows them
function batch(connection, sql) {
  return new Promise((resolve, reject) => {
    const result = { sets: [], messages: [] };
    const info = (message) => result.messages.push({ number: message.number, message: message.message });
    connection.on('infoMessage', info);
    const request = new Request(sql, (err) => {
      connection.removeListener('infoMessage', info);
      if (err) {
        reject(err);
      } else {
        resolve({ rows: result.sets.length ? result.sets[0].rows : [], ...result });
      }
    });
    request.on('columnMetadata', (columns) => result.sets.push({ columns: columns.map((c) => c.colName), rows: [] }));
    request.on('row', (columns) => result.sets[result.sets.length - 1].rows.push(columns.map((c) => c.value)));
    connection.execSql(request);
  });
}

const STEPS = {
  sql: (c, sql) => batch(c, sql),
  connect: (c) => run(c, 'SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID'),
  version: (c) => run(c, 'SELECT @@VERSION'),
  databases: (c) => run(c, 'SELECT name, state_desc FROM sys.databases'),
  logShipping: (c) => run(c, 'SELECT * FROM msdb.dbo.log_shipping_secondary'),
  headerOnly: (c, file) => run(c, `RESTORE HEADERONLY FROM DISK = N'${file.replace(/'/g, "''")}'`),
  headerOnlyParameter: (c, file) => run(c, 'RESTORE HEADERONLY FROM DISK = @file', [['file', file]]),
  parameterised: (c, name) => run(c, 'SELECT name, state_desc FROM sys.databases WHERE name = @name', [['name', name]]),
  prepared: (c, names) => prepareAndExecute(c, 'SELECT state_desc FROM sys.databases WHERE name = @name', names.split(',')),
  transaction: (c) => transaction(c),
  rowcount: (c) => run(c, 'SET ROWCOUNT 1; SELECT name FROM sys.databases; SET ROWCOUNT 0'),
  cancel: (c) => cancel(c, 'SELECT name FROM sys.databases', 0),
  cancelWaitfor: (c) => cancel(c, "WAITFOR DELAY '00:00:30'; SELECT 1", 500),
};

function describe(err) {
  return { code: err.code || null, number: err.number || null, message: err.message };
}

async function main() {
  let connection;
  try {
    connection = await connect();
  } catch (err) {
    console.log(JSON.stringify({ step: 'login', error: describe(err) }));
    return;
  }
  connection.on('error', () => {});
  for (const step of steps) {
    const [name, arg] = step.split(/=(.*)/s);
    try {
      console.log(JSON.stringify({ step: name, ...(await STEPS[name](connection, arg)) }));
    } catch (err) {
      console.log(JSON.stringify({ step: name, error: describe(err) }));
    }
  }
  connection.close();
}

main();
