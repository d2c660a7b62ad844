import mongoose, { type Connection } from 'mongoose';

/**
 * Opens this subgraph's own database. Subgraphs never share a database: each passes its
 * own name, so the same MongoDB (or embedded FerretDB) can hold all of them side by side.
 */
export async function connectDatabase(uri: string, dbName: string, options: { monitorCommands?: boolean } = {}): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    monitorCommands: options.monitorCommands ?? false,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

export async function databaseAnswers(connection: Connection): Promise<boolean> {
  try {
    await connection.db!.command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}
