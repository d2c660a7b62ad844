import { GraphQLError } from 'graphql';
import { mongo } from 'mongoose';
import { DATABASE_UNAVAILABLE, databaseUnavailable, formatError } from './http';

// The database driver's connection errors are SERVICE_UNAVAILABLE, never an internal error (docs/deployment.md, test/db-restart.test.ts).
const asResolverError = (cause: Error) => new GraphQLError(cause.message, { originalError: cause, path: ['registerVictim'] });
const formatted = (error: GraphQLError) => formatError({ message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);

describe('formatError: the database unavailable', () => {
  it.each([
    ['no server', new mongo.MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:27017', { type: 'Unknown', servers: new Map() } as never)],
    ['the connection lost', new mongo.MongoNetworkError('connection 4 to 127.0.0.1:27017 closed')],
    ['a timeout on the connection', new mongo.MongoNetworkTimeoutError('timed out')],
    ['the client closed', new mongo.MongoNotConnectedError('not connected')],
    ['an insertMany whose connection died', new mongo.MongoBulkWriteError(new mongo.MongoNetworkError('read ECONNRESET'), {} as never)],
  ])('%s: SERVICE_UNAVAILABLE, nothing of the driver message (no address)', (_what, cause) => {
    const error = asResolverError(cause);
    expect(databaseUnavailable(error)).toBe(true);
    expect(formatted(error)).toEqual({ message: DATABASE_UNAVAILABLE, path: ['registerVictim'], extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it("a socket's EPIPE the driver let through (writing to a connection the database closed): SERVICE_UNAVAILABLE", () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    epipe.stack = 'Error: write EPIPE\n    at Connection.writeCommand (/app/node_modules/mongodb/lib/cmap/connection.js:408:29)';
    expect(databaseUnavailable(asResolverError(epipe))).toBe(true);
    const elsewhere = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }); // not the database's: still internal
    expect(databaseUnavailable(asResolverError(elsewhere))).toBe(false);
  });

  it('a bulk write the database refused (a duplicate key) is not the database unavailable', () => {
    const refused = new mongo.MongoBulkWriteError({ message: 'E11000 duplicate key error', code: 11000, writeErrors: [] }, {} as never);
    expect(databaseUnavailable(asResolverError(refused))).toBe(false);
  });

  it('any other error is still a bare internal error', () => {
    const error = asResolverError(new Error('E11000 something at 127.0.0.1'));
    expect(databaseUnavailable(error)).toBe(false);
    expect(formatted(error)).toEqual({ message: 'Internal server error', path: ['registerVictim'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
