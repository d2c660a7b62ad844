import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { createLogger } from '../platform/logging';
import type { SubgraphResponse } from './subgraph-fetch';
import { didNotAnswer, unavailableService, unwellStatus } from './unavailable';

// Which failures of a subgraph call are "the service is unavailable", on the error objects
// @apollo/gateway's data source makes: a non-2xx answer becomes the GraphQLError of its
// errorFromResponse (the answer's status and body in extensions.response), a transport
// failure stays the fetcher's error (its code). test/subgraph-errors.test.ts and
// test/subgraph-down.test.ts see the same through a running gateway.

/** An answer as the gateway's fetcher hands it to the data source (subgraph-fetch.ts). */
function answer(status: number, body: string): SubgraphResponse {
  return { ok: false, status, statusText: '', url: 'http://127.0.0.1:4003/graphql', headers: { get: () => 'text/plain' }, json: async () => JSON.parse(body), text: async () => body };
}

const fromResponse = (status: number, body: string) => new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:4003/graphql' }).errorFromResponse(answer(status, body) as never);

describe('what counts as the service being unavailable', () => {
  it.each([502, 503, 504])('an answer with HTTP %s', async (status) => {
    expect(unwellStatus(await fromResponse(status, 'Service Unavailable at 10.0.0.7'))).toBe(status);
  });

  it.each([400, 401, 403, 404, 500])('not an answer with HTTP %s (the subgraph answered: its error is its own)', async (status) => {
    expect(unwellStatus(await fromResponse(status, '{}'))).toBeUndefined();
    expect(didNotAnswer(await fromResponse(status, '{}'))).toBe(false);
  });

  it('a refused connection, but not an error of a resolver', () => {
    expect(didNotAnswer(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4003'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(didNotAnswer(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))).toBe(true);
    expect(didNotAnswer(new Error('Expected JSON response body'))).toBe(false);
    expect(unwellStatus(new Error('503'))).toBeUndefined();
  });
});

describe("the data source's didEncounterError", () => {
  const lines: string[] = [];
  const logger = createLogger('gateway', { level: 'warn', destination: { write: (line: string) => void lines.push(line) } });

  it('turns a 503 into SERVICE_UNAVAILABLE naming the service, nothing of the answer, and logs the status as the cause', async () => {
    const error503 = await fromResponse(503, 'upstream restarting at 10.0.0.7');
    let caught: unknown;
    try {
      unavailableService('shelters', logger)(error503);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      message: 'The shelters service is unavailable: its fields are null in this answer; ask again later',
      extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'shelters' },
    });
    expect(JSON.stringify(caught)).not.toMatch(/10\.0\.0\.7|restarting|127\.0\.0\.1|503/);
    expect(lines.map((line) => JSON.parse(line))).toEqual([expect.objectContaining({ subgraph: 'shelters', cause: 'HTTP 503', msg: 'subgraph did not answer' })]);
  });

  it('throws any other error as it came', async () => {
    const error500 = await fromResponse(500, '{}');
    expect(() => unavailableService('shelters', logger)(error500)).toThrow(error500);
  });
});
