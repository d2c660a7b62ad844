import { createHash } from 'node:crypto';
import type { mongo } from 'mongoose';
import { ROLES } from '../platform/auth';
import { newCertificateCode } from '../subgraphs/training/domain/code';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { PROGRAM, Records, setUpDirectories, type Actor } from './support/records';

// Issue 28, translations: asked for by a judge or prosecutor of the record's jurisdiction
// (a record the caller may not see answers as unknown), assigned only to a translator
// whose certificate the training subgraph answers VALID and of a legal translation program
// — asked through its API with the caller's token, never its database —, delivered with the
// SHA-256 of the exact original, stale once the original changes, and the text read only
// by whoever may read the original. Through the gateway and on the subgraph directly.

let hub: TestHub;
let r: Records;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const commands = new Map<string, Array<{ database: string; command: string }>>();

const REQUEST = `mutation($input: RequestTranslationInput!) { requestTranslation(input: $input) { id subjectType subjectId language status dueBy translator } }`;
const ASSIGN = `mutation($id: ID!, $code: String!) { assignTranslation(translationId: $id, translator: $code) { id status translator } }`;
const DELIVER = `mutation($id: ID!, $text: String!) { deliverTranslation(translationId: $id, text: $text) { id status deliveredAt originalSha256 stale text } }`;
const FIELDS = 'id subjectType language status translator deliveredAt stale text originalSha256';
const OF_PROCEEDING = `query($id: ID!) { proceeding(id: $id) { translations { ${FIELDS} } evidence { id translations { ${FIELDS} } } protectiveOrders { id translations { ${FIELDS} } } } }`;
const TRANSLATION = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Translation { ${FIELDS} } } }`;

/** The records of the tests: a DE proceeding with evidence (one of it testimony restricted H2) and an order; an AT proceeding; a DE precedent. */
const de = { proceeding: '', evidence: '', testimony: '', order: '', precedent: '', ecli: '' };
let atProceeding = '';
/** Certificate codes, made through the training subgraph's API. */
const codes = { valid: '', suspended: '', revoked: '', expiring: '', notTranslation: '', unknown: '' };

const surfaces = () => [
  { surface: 'gateway', url: undefined as string | undefined },
  { surface: 'subgraph', url: hub.subgraphs.proceedings.url },
];

async function call(actor: Actor, query: string, variables: Record<string, unknown>, url?: string) {
  const token = await hub.token(actor.role, actor.jurisdiction, actor.sub ? { sub: actor.sub } : {});
  return hub.query(token, query, variables, url ? { url } : {});
}
const judge = (jurisdiction = 'DE'): Actor => ({ role: 'judge', jurisdiction });
const ok = async (actor: Actor, query: string, variables: Record<string, unknown>) => {
  const res = await call(actor, query, variables);
  expect(res.body.errors).toBeUndefined();
  return res.body.data;
};
const request = async (subjectType: string, subjectId: string, extra: Record<string, unknown> = {}) =>
  (await ok(judge(), REQUEST, { input: { subjectType, subjectId, targetLanguage: 'ro', ...extra } })).requestTranslation.id as string;
const assigned = async (subjectType: string, subjectId: string) => {
  const id = await request(subjectType, subjectId);
  await ok(judge(), ASSIGN, { id, code: codes.valid });
  return id;
};
const delivered = async (subjectType: string, subjectId: string, text = 'Traducere') => {
  const id = await assigned(subjectType, subjectId);
  return (await ok(judge(), DELIVER, { id, text })).deliverTranslation;
};
const read = async (actor: Actor, id: string, url?: string) => {
  const res = await call(actor, TRANSLATION, { r: [{ __typename: 'Translation', id }] }, url ?? hub.subgraphs.proceedings.url);
  return { value: res.body.data?._entities?.[0] ?? null, codes: errorCodes(res.body) };
};
const statusOf = async (id: string) => (await read(judge(), id)).value.status;

beforeAll(async () => {
  hub = await startHub({ monitorCommands: true });
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
    commands.set(name, []);
    subgraph.connection.getClient().on('commandStarted', (event: mongo.CommandStartedEvent) => commands.get(name)!.push({ database: event.databaseName, command: event.commandName }));
  }
  await setUpDirectories(hub);
  r = new Records(hub);
  const victim = await r.victim('DE');
  de.proceeding = await r.proceeding('DE', [victim]);
  de.evidence = await r.evidence(de.proceeding, 'H0');
  const testimony = { kind: 'TESTIMONY', description: 'Statement of W-1 about the recruiter', contentHash: 'ef'.repeat(32), handlingCode: 'H2', sourceReliability: 'B', informationAccuracy: 2 };
  de.testimony = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $input: RegisterEvidenceInput!) { registerEvidence(proceedingId: $id, input: $input) { id } }`, { id: de.proceeding, input: testimony })).registerEvidence.id;
  const order = { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Threats by phone' };
  de.order = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`, { id: de.proceeding, input: order })).requestProtectiveOrder.id;
  atProceeding = await r.proceeding('AT');
  de.ecli = await r.precedent();
  de.precedent = (await r.as(judge(), `query($ecli: String!) { precedent(ecli: $ecli) { id } }`, { ecli: de.ecli })).precedent.id;
  codes.valid = await r.translatorCertificate();
  codes.suspended = await r.translatorCertificate('SUSPENDED');
  codes.revoked = await r.translatorCertificate('REVOKED');
  codes.expiring = await r.translatorCertificate('VALID', 1);
  codes.notTranslation = await r.certificate(); // VALID, of PROGRAM: vulnerability assessment, not legal translation
  codes.unknown = newCertificateCode(PROGRAM.body, new Date().getUTCFullYear());
}, 120_000);
afterEach(() => hub.clock.reset());
afterAll(() => hub?.stop());

describe('requestTranslation', () => {
  // Every role of DE and of AT (no basis to see DE's records): the role first, then an invisible subject is unknown.
  const table = ROLES.flatMap((role) => ['DE', 'AT'].map((jurisdiction) => ({ role, jurisdiction })));
  it.each(table)('of a DE item of evidence, by $role of $jurisdiction', async ({ role, jurisdiction }) => {
    const requester = role === 'judge' || role === 'prosecutor' || role === 'defence_counsel';
    // Counsel may ask, but knows of no record she is not appointed for: as for an unknown id.
    const expected = !requester ? 'FORBIDDEN' : jurisdiction === 'DE' && role !== 'defence_counsel' ? null : 'NOT_FOUND';
    for (const { surface, url } of surfaces()) {
      const res = await call({ role, jurisdiction }, REQUEST, { input: { subjectType: 'EVIDENCE', subjectId: de.evidence, targetLanguage: 'ro' } }, url);
      expect({ surface, code: res.body.errors?.[0]?.extensions?.code ?? null }).toEqual({ surface, code: expected });
      if (expected === null) expect(res.body.data.requestTranslation).toMatchObject({ subjectType: 'EVIDENCE', subjectId: de.evidence, language: 'ro', status: 'REQUESTED', translator: null });
    }
  });

  it('answers a subject the caller may not see exactly as an unknown id, and refuses a public precedent of another jurisdiction as such', async () => {
    const unknown = await call(judge('AT'), REQUEST, { input: { subjectType: 'PROCEEDING', subjectId: 'AAAAAAAAAAAAAAAAAAAAAA', targetLanguage: 'de' } });
    const hidden = await call(judge('AT'), REQUEST, { input: { subjectType: 'PROCEEDING', subjectId: de.proceeding, targetLanguage: 'de' } });
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.body.errors?.[0]?.message).toBe(unknown.body.errors?.[0]?.message.replace('AAAAAAAAAAAAAAAAAAAAAA', de.proceeding));
    const precedent = await call(judge('AT'), REQUEST, { input: { subjectType: 'PRECEDENT', subjectId: de.precedent, targetLanguage: 'de' } });
    expect(precedent.body.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('Only a judge or prosecutor of DE') });
    // Its own jurisdiction's precedent, order and proceeding: yes; the AT one, by AT's prosecutor.
    for (const [type, id] of [['PRECEDENT', de.precedent], ['PROTECTIVE_ORDER', de.order], ['PROCEEDING', de.proceeding]]) await request(type, id);
    expect((await ok({ role: 'prosecutor', jurisdiction: 'AT' }, REQUEST, { input: { subjectType: 'PROCEEDING', subjectId: atProceeding, targetLanguage: 'de' } })).requestTranslation.status).toBe('REQUESTED');
  });

  it('refuses a language that is not ISO 639-1, a dueBy that is no date-time or past, naming the field, and writes nothing', async () => {
    const before = (await ok(judge(), OF_PROCEEDING, { id: de.proceeding })).proceeding.translations.length;
    for (const [extra, field] of [
      [{ targetLanguage: 'xx' }, 'input.targetLanguage'],
      [{ targetLanguage: 'deu' }, 'input.targetLanguage'],
      [{ targetLanguage: 'DE' }, 'input.targetLanguage'],
      [{ dueBy: 'next week' }, 'input.dueBy'],
      [{ dueBy: '2020-01-01T00:00:00Z' }, 'input.dueBy'],
    ] as Array<[Record<string, unknown>, string]>) {
      const res = await call(judge(), REQUEST, { input: { subjectType: 'EVIDENCE', subjectId: de.evidence, targetLanguage: 'ro', ...extra } });
      expect({ extra, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({ extra, code: 'BAD_USER_INPUT', message: expect.stringContaining(field) });
    }
    expect((await ok(judge(), OF_PROCEEDING, { id: de.proceeding })).proceeding.translations).toHaveLength(before);
    const due = `${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 19)}Z`;
    expect((await ok(judge(), REQUEST, { input: { subjectType: 'EVIDENCE', subjectId: de.evidence, targetLanguage: 'sq', dueBy: due } })).requestTranslation).toMatchObject({ language: 'sq', dueBy: new Date(due).toISOString() });
  });
});

describe('assignTranslation', () => {
  let translation: string;
  beforeAll(async () => {
    translation = await request('EVIDENCE', de.evidence);
  });

  const table = ROLES.flatMap((role) => ['DE', 'AT'].map((jurisdiction) => ({ role, jurisdiction })));
  it.each(table)('to a certified translator, by $role of $jurisdiction', async ({ role, jurisdiction }) => {
    const manager = role === 'judge' || role === 'prosecutor';
    const expected = !manager ? 'FORBIDDEN' : jurisdiction === 'DE' ? null : 'NOT_FOUND';
    for (const { surface, url } of surfaces()) {
      const res = await call({ role, jurisdiction }, ASSIGN, { id: translation, code: codes.valid }, url);
      expect({ surface, code: res.body.errors?.[0]?.extensions?.code ?? null }).toEqual({ surface, code: expected });
      if (expected === null) expect(res.body.data.assignTranslation).toEqual({ id: translation, status: 'ASSIGNED', translator: codes.valid });
    }
  });

  it.each([
    ['suspended', 'SUSPENDED'],
    ['revoked', 'REVOKED'],
    ['unknown', 'NOT_FOUND'],
    ['notTranslation', 'not of a legal translation program'],
  ] as Array<[keyof typeof codes, string]>)('refuses a %s certificate, naming what it is, and changes nothing', async (which, says) => {
    const id = await request('EVIDENCE', de.evidence);
    for (const { surface, url } of surfaces()) {
      const res = await call(judge(), ASSIGN, { id, code: codes[which] }, url);
      expect({ surface, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({
        surface,
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(new RegExp(`translator.*${codes[which]}.*${says}`)),
      });
    }
    expect(await statusOf(id)).toBe('REQUESTED');
  });

  it('refuses a certificate that has expired since it was issued (the training subgraph’s clock says so), and a mistyped code', async () => {
    const id = await request('EVIDENCE', de.evidence);
    hub.clock.set(new Date(Date.now() + 45 * 86_400_000));
    const expired = await call(judge(), ASSIGN, { id, code: codes.expiring });
    expect(expired.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining(`certificate ${codes.expiring} is EXPIRED`) });
    hub.clock.reset();
    const mistyped = await call(judge(), ASSIGN, { id, code: `${codes.valid.slice(0, -1)}${codes.valid.endsWith('0') ? '1' : '0'}` });
    expect(mistyped.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('translator') });
    expect(await statusOf(id)).toBe('REQUESTED');
    // The same code before it expired: accepted.
    expect((await ok(judge(), ASSIGN, { id, code: codes.expiring })).assignTranslation.status).toBe('ASSIGNED');
  });

  it('asks the training subgraph through its API, with the caller’s token, and never reads its database', async () => {
    const id = await request('EVIDENCE', de.evidence);
    for (const list of commands.values()) list.length = 0;
    await ok(judge(), ASSIGN, { id, code: codes.valid });
    const proceedings = hub.subgraphs.proceedings.connection.name;
    expect([...new Set(commands.get('proceedings')!.map((c) => c.database))]).toEqual([proceedings]);
    // Training answered from its own database (its verifyCertificate read the certificate).
    expect(commands.get('training')!.some((c) => c.database === hub.subgraphs.training.connection.name && c.command === 'find')).toBe(true);
  });

  it('refuses when the training subgraph does not answer (never guessed), and changes nothing', async () => {
    const id = await request('EVIDENCE', de.evidence);
    const training = hub.subgraphs.training;
    hub.subgraphs.training = { ...training, url: 'http://127.0.0.1:9/graphql' }; // nothing listens there
    try {
      const res = await call(judge(), ASSIGN, { id, code: codes.valid });
      expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringContaining('could not be checked') });
    } finally {
      hub.subgraphs.training = training;
    }
    expect(await statusOf(id)).toBe('REQUESTED');
  });
});

describe('deliverTranslation', () => {
  const table = ROLES.flatMap((role) => ['DE', 'AT'].map((jurisdiction) => ({ role, jurisdiction })));
  it.each(table)('by $role of $jurisdiction', async ({ role, jurisdiction }) => {
    const id = await assigned('EVIDENCE', de.evidence);
    const manager = role === 'judge' || role === 'prosecutor';
    const expected = !manager ? 'FORBIDDEN' : jurisdiction === 'DE' ? null : 'NOT_FOUND';
    for (const { surface, url } of surfaces()) {
      const res = await call({ role, jurisdiction }, DELIVER, { id, text: `Imaginea telefonului (${surface})` }, url);
      expect({ surface, code: res.body.errors?.[0]?.extensions?.code ?? null }).toEqual({ surface, code: expected });
    }
  });

  it('is refused before a translator is assigned', async () => {
    const id = await request('EVIDENCE', de.evidence);
    const res = await call(judge(), DELIVER, { id, text: 'Traducere' });
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('no translator') });
    expect(await statusOf(id)).toBe('REQUESTED');
  });

  it('records the SHA-256 of the exact original it translates, per subject type', async () => {
    const evidence = await delivered('EVIDENCE', de.evidence, 'Imaginea telefonului');
    expect(evidence).toMatchObject({ status: 'DELIVERED', stale: false, text: 'Imaginea telefonului', originalSha256: sha256('Phone image') });
    const order = await delivered('PROTECTIVE_ORDER', de.order);
    expect(order.originalSha256).toBe(sha256('Threats by phone'));
    const proceeding = await delivered('PROCEEDING', de.proceeding);
    expect(proceeding.originalSha256).toBe(sha256('Trafficking in human beings'));
    const precedent = await delivered('PRECEDENT', de.precedent);
    expect(precedent.originalSha256).toBe(sha256('The defendant recruited workers through a fake agency and held them in debt bondage; convicted of trafficking for forced labour.'));
  });
});

describe('stale translations', () => {
  it('a changed original marks its translations stale (proceeding closed with an outcome, order decided with reasons, precedent corrected); a revision is fresh again', async () => {
    const victim = await r.victim('DE');
    const proceeding = await r.proceeding('DE', [victim]);
    const orderInput = { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Followed home' };
    const order = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`, { id: proceeding, input: orderInput })).requestProtectiveOrder.id;
    const ecli = await r.precedent();
    const precedent = (await r.as(judge(), `query($ecli: String!) { precedent(ecli: $ecli) { id } }`, { ecli })).precedent.id;
    const ofProceeding = (await delivered('PROCEEDING', proceeding)).id;
    const ofOrder = (await delivered('PROTECTIVE_ORDER', order)).id;
    const ofPrecedent = (await delivered('PRECEDENT', precedent)).id;
    for (const id of [ofProceeding, ofOrder, ofPrecedent]) expect((await read(judge(), id)).value.stale).toBe(false);

    await ok(judge(), `mutation($id: ID!, $reasons: String!) { decideProtectiveOrder(orderId: $id, decision: GRANTED, reasons: $reasons) { status } }`, { id: order, reasons: 'Credible threat' });
    await ok(judge(), `mutation($id: ID!) { advanceStage(proceedingId: $id, stage: CLOSED, outcome: "Convicted") { stage } }`, { id: proceeding });
    await ok(judge(), `mutation($ecli: String!) { correctPrecedent(ecli: $ecli, input: { reason: "Summary clarified", summary: "The defendant recruited workers through a fake agency and kept them in debt bondage." }) { ecli } }`, { ecli });
    // On the subgraph directly, then through the gateway as Proceeding.translations (its own and its order's) and Precedent.translations list them.
    for (const id of [ofProceeding, ofOrder, ofPrecedent]) expect({ id, stale: (await read(judge(), id)).value?.stale }).toEqual({ id, stale: true });
    const listed = (await ok(judge(), OF_PROCEEDING, { id: proceeding })).proceeding.translations as Array<{ id: string; stale: boolean }>;
    expect(listed.filter((t) => [ofProceeding, ofOrder].includes(t.id)).map((t) => t.stale)).toEqual([true, true]);
    const ofCaseLaw = (await ok(judge(), `query($ecli: String!) { precedent(ecli: $ecli) { translations { id stale } } }`, { ecli })).precedent.translations;
    expect(ofCaseLaw).toEqual([{ id: ofPrecedent, stale: true }]);

    const revised = (await ok(judge(), DELIVER, { id: ofProceeding, text: 'Trafic de persoane\n\nCondamnat' })).deliverTranslation;
    expect(revised).toMatchObject({ stale: false, originalSha256: sha256('Trafficking in human beings\n\nConvicted') });
  });
});

describe('the text follows the original’s access rules', () => {
  let ofEvidence: string;
  let ofTestimony: string;
  let ofOrder: string;
  let ofPrecedent: string;
  beforeAll(async () => {
    ofEvidence = (await delivered('EVIDENCE', de.evidence)).id;
    ofTestimony = (await delivered('EVIDENCE', de.testimony)).id;
    ofOrder = (await delivered('PROTECTIVE_ORDER', de.order)).id;
    ofPrecedent = (await delivered('PRECEDENT', de.precedent)).id;
  });

  // Who may read the original's fields (the subject's own declaration) reads the text; the others get FORBIDDEN at `text`.
  // Directly (`_entities`) and through the gateway where the caller reaches the list (Proceeding.translations: court roles; Precedent.translations: anyone).
  const cases: Array<{ who: string; actor: Actor; translation: () => string; text: boolean; through?: 'proceeding' | 'precedent' }> = [
    { who: 'a judge of DE, of evidence', actor: judge(), translation: () => ofEvidence, text: true, through: 'proceeding' },
    { who: 'the police officer holding the item', actor: { role: 'law_enforcement', jurisdiction: 'DE', sub: 'officer-7' }, translation: () => ofEvidence, text: true, through: 'proceeding' },
    { who: 'another officer of DE', actor: { role: 'law_enforcement', jurisdiction: 'DE', sub: 'officer-8' }, translation: () => ofEvidence, text: false, through: 'proceeding' },
    { who: 'the officer holding the item, of testimony it does not hold', actor: { role: 'law_enforcement', jurisdiction: 'DE', sub: 'officer-7' }, translation: () => ofTestimony, text: false, through: 'proceeding' },
    { who: 'a social worker of DE, of an order', actor: { role: 'social_worker', jurisdiction: 'DE' }, translation: () => ofOrder, text: true },
    { who: 'a social worker of DE, of evidence', actor: { role: 'social_worker', jurisdiction: 'DE' }, translation: () => ofEvidence, text: false },
    { who: 'a partner system of FR, of a precedent', actor: { role: 'partner_system', jurisdiction: 'FR' }, translation: () => ofPrecedent, text: true, through: 'precedent' },
  ];
  it.each(cases)('$who: text $text', async ({ actor, translation, text, through }) => {
    const direct = await read(actor, translation());
    expect({ surface: 'subgraph', text: typeof direct.value?.text === 'string', error: direct.codes['_entities.0.text'] ?? null }).toEqual({ surface: 'subgraph', text, error: text ? null : 'FORBIDDEN' });
    if (!through) return;
    const query = through === 'proceeding' ? `query($id: ID!) { at: proceeding(id: $id) { translations { id text } } }` : `query($id: String!) { at: precedent(ecli: $id) { translations { id text } } }`;
    const res = await call(actor, query, { id: through === 'proceeding' ? de.proceeding : de.ecli });
    const listed = res.body.data.at.translations as Array<{ id: string; text: string | null }>;
    const i = listed.findIndex((t) => t.id === translation());
    expect({ surface: 'gateway', text: typeof listed[i]?.text === 'string', error: errorCodes(res.body)[`at.translations.${i}.text`] ?? null }).toEqual({ surface: 'gateway', text, error: text ? null : 'FORBIDDEN' });
  });

  it('a judge of AT knows nothing of DE’s translations, and Evidence.translations lists only what the caller may know of', async () => {
    expect((await read(judge('AT'), ofEvidence)).value).toBeNull();
    const data = (await ok(judge(), OF_PROCEEDING, { id: de.proceeding })).proceeding;
    const item = data.evidence.find((e: { id: string }) => e.id === de.evidence);
    expect(item.translations.map((t: { id: string }) => t.id)).toContain(ofEvidence);
    // Its own items' (the precedent was published from another proceeding).
    expect(data.translations.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([ofEvidence, ofTestimony, ofOrder]));
    expect(data.translations.map((t: { id: string }) => t.id)).not.toContain(ofPrecedent);
    const order = data.protectiveOrders.find((o: { id: string }) => o.id === de.order);
    expect(order.translations.map((t: { id: string }) => t.id)).toContain(ofOrder);
    const precedent = await call({ role: 'partner_system', jurisdiction: 'FR' }, `query($ecli: String!) { precedent(ecli: $ecli) { translations { id language text } } }`, { ecli: de.ecli });
    expect(precedent.body.data.precedent.translations.map((t: { id: string }) => t.id)).toContain(ofPrecedent);
  });
});

describe('appointed defence counsel', () => {
  const COUNSEL = { sub: 'counsel-t', org: 'Kanzlei Tolk' };
  const counsel = async () => hub.token('defence_counsel', 'DE', COUNSEL);
  const asCounsel = async (query: string, variables: Record<string, unknown>, url?: string) => hub.query(await counsel(), query, variables, { url, headers: { 'x-purpose': '' } });
  const mine = { proceeding: '', disclosed: '', undisclosed: '', order: '' };
  beforeAll(async () => {
    const victim = await r.victim('DE');
    mine.proceeding = await r.proceeding('DE', [victim], ['Defendant A']);
    mine.disclosed = await r.evidence(mine.proceeding, 'H0');
    mine.undisclosed = await r.evidence(mine.proceeding, 'H0');
    mine.order = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`, { id: mine.proceeding, input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victim, grounds: 'Threats by Defendant A' } })).requestProtectiveOrder.id;
    await r.as(judge(), `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id } }`, { id: mine.proceeding, input: { defendant: 'Defendant A', counselSubject: COUNSEL.sub, counselOrganisation: COUNSEL.org } });
    await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!) { discloseEvidence(evidenceId: $id, input: { defendant: "Defendant A" }) { id } }`, { id: mine.disclosed });
  });

  it('asks for translations of her proceeding and of evidence disclosed to her defendant; anything else as unknown, a precedent refused', async () => {
    for (const { url } of surfaces()) {
      for (const [type, id] of [['PROCEEDING', mine.proceeding], ['EVIDENCE', mine.disclosed], ['PROTECTIVE_ORDER', mine.order]]) {
        const res = await asCounsel(REQUEST, { input: { subjectType: type, subjectId: id, targetLanguage: 'bg' } }, url);
        expect({ type, errors: res.body.errors, status: res.body.data?.requestTranslation?.status }).toEqual({ type, errors: undefined, status: 'REQUESTED' });
      }
      const unknown = await asCounsel(REQUEST, { input: { subjectType: 'EVIDENCE', subjectId: 'AAAAAAAAAAAAAAAAAAAAAA', targetLanguage: 'bg' } }, url);
      for (const [type, id] of [['EVIDENCE', mine.undisclosed], ['EVIDENCE', de.evidence], ['PROCEEDING', de.proceeding]]) {
        const hidden = await asCounsel(REQUEST, { input: { subjectType: type, subjectId: id, targetLanguage: 'bg' } }, url);
        expect({ id, code: hidden.body.errors?.[0]?.extensions?.code, message: hidden.body.errors?.[0]?.message }).toEqual({
          id,
          code: 'NOT_FOUND',
          message: unknown.body.errors?.[0]?.message.replace('AAAAAAAAAAAAAAAAAAAAAA', id).replace('Evidence', type === 'PROCEEDING' ? 'Proceeding' : 'Evidence'),
        });
      }
      const precedent = await asCounsel(REQUEST, { input: { subjectType: 'PRECEDENT', subjectId: de.precedent, targetLanguage: 'bg' } }, url);
      expect(errorCodes(precedent.body)).toEqual({ requestTranslation: 'FORBIDDEN' });
    }
  });

  it('reads the text only where she may read the original: her proceeding’s charges and the disclosed item, not the order’s grounds; lists none of the undisclosed item', async () => {
    const ofProceeding = (await delivered('PROCEEDING', mine.proceeding, 'Трафик на хора')).id;
    const ofDisclosed = (await delivered('EVIDENCE', mine.disclosed, 'Счетоводна книга')).id;
    const ofUndisclosed = (await delivered('EVIDENCE', mine.undisclosed, 'Скрито')).id;
    const ofOrder = (await delivered('PROTECTIVE_ORDER', mine.order, 'Заплахи')).id;
    const judgeView = (await ok(judge(), `query($id: ID!) { proceeding(id: $id) { protectiveOrders { translations { id } } } }`, { id: mine.proceeding })).proceeding;
    const orderTranslations = new Set<string>(judgeView.protectiveOrders.flatMap((o: { translations: Array<{ id: string }> }) => o.translations.map((t) => t.id)));
    for (const { surface, url } of surfaces()) {
      const res = await asCounsel(`query($id: ID!) { proceeding(id: $id) { translations { id status language text } } }`, { id: mine.proceeding }, url);
      const listed = res.body.data!.proceeding.translations as Array<{ id: string; text: string | null; status: string }>;
      const at = (id: string) => listed.findIndex((t) => t.id === id);
      expect({ surface, undisclosed: at(ofUndisclosed) }).toEqual({ surface, undisclosed: -1 });
      expect({ surface, proceeding: listed[at(ofProceeding)].text, disclosed: listed[at(ofDisclosed)].text, order: listed[at(ofOrder)] }).toEqual({
        surface,
        proceeding: 'Трафик на хора',
        disclosed: 'Счетоводна книга',
        order: { id: ofOrder, status: 'DELIVERED', language: 'ro', text: null },
      });
      // Every translation of the order (hers of the first test too): the text FORBIDDEN, and nothing else.
      const ofOrders = listed.map((t, i) => [t, i] as const).filter(([t]) => orderTranslations.has(t.id)).map(([, i]) => [`proceeding.translations.${i}.text`, 'FORBIDDEN']);
      expect(errorCodes(res.body)).toEqual(Object.fromEntries(ofOrders));
    }
    const direct = await hub.query(await counsel(), TRANSLATION, { r: [{ __typename: 'Translation', id: ofUndisclosed }] }, { url: hub.subgraphs.proceedings.url, headers: { 'x-purpose': '' } });
    expect(direct.body).toEqual({ data: { _entities: [null] } });
  });
});
