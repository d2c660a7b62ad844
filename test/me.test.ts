import { badInput } from '../platform/errors';
import { checkAll, localDate, countryCode, text } from '../subgraphs/common/validate';
import { startHub, type TestHub } from './support/hub';

// `me`: what the token says of the caller, for the caller only; and input checks that
// answer every wrong field at once.

describe('checkAll answers every wrong field of an input in one BAD_USER_INPUT', () => {
  test('three wrong fields: all three, in order, with their paths', async () => {
    const error = await checkAll({
      born: () => localDate('1990-02-30', 'input.dateOfBirth'),
      nationality: () => countryCode('XX', 'input.nationality'),
      name: () => text('Olena', 'input.legalName'),
      language: () => {
        throw badInput('input.languages[0]', 'is not an ISO 639 language code');
      },
    }).catch((e) => e);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('input.dateOfBirth');
    expect(error.extensions.fields.map((f: { path: string }) => f.path)).toEqual(['input.dateOfBirth', 'input.nationality', 'input.languages[0]']);
    expect(error.message).toContain('input.nationality');
  });

  test('all right: each value under its name', async () => {
    await expect(checkAll({ name: () => text(' Olena ', 'input.legalName'), at: async () => localDate('2020-01-01', 'x') })).resolves.toEqual({ name: 'Olena', at: '2020-01-01' });
  });

  test('an error that is not about the input is thrown as it is', async () => {
    await expect(checkAll({ db: () => { throw new Error('connection lost'); } })).rejects.toThrow('connection lost');
  });

  test('one wrong field has the same shape', () => {
    expect(badInput('input.capacity', 'must be between 1 and 500 beds').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.capacity',
      fields: [{ path: 'input.capacity', message: 'must be between 1 and 500 beds' }],
    });
  });
});

describe('me', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  const ME = '{ me { subject role jurisdiction organisation oversees } }';

  test('says who the token says the caller is', async () => {
    const res = await hub.query(await hub.token('social_worker', 'DE', { sub: 'anna@de.example', org: 'DE-youth-office' }), ME);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.me).toEqual({ subject: 'anna@de.example', role: 'social_worker', jurisdiction: 'DE', organisation: 'DE-youth-office', oversees: [] });
  });

  test('without a token: UNAUTHENTICATED', async () => {
    const res = await hub.query(null, ME);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('the gateway passes the list of wrong fields through', async () => {
    const res = await hub.query(await hub.token('social_worker', 'DE'), 'mutation { startRecoveryPeriod(victimId: "not-an-id") { id } }');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'victimId', message: expect.stringContaining('not a valid id') }] });
  });

  // Each subgraph that adds to Me is listed here.
  test.each(['victims', 'shelters', 'legal-aid', 'training'])("another subject's Me is never resolved (%s)", async (name) => {
    const subgraph = (hub.subgraphs as Record<string, { url: string }>)[name];
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Me { subject } } }';
    const token = await hub.token('social_worker', 'DE', { sub: 'anna@de.example' });
    const res = await hub.query(token, entities, { r: [{ __typename: 'Me', subject: 'someone-else' }, { __typename: 'Me', subject: 'anna@de.example' }] }, { url: subgraph.url });
    expect(res.body.data._entities).toEqual([null, { subject: 'anna@de.example' }]);
  });
});
