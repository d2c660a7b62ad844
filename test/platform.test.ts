import { newId } from '../subgraphs/common/validate';
import { SUBGRAPHS } from '../subgraphs/registry';
import { caseNotesSubgraph, type CaseNoteRecord } from './fixtures/case-notes';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';

// The platform proven on a subgraph that is not victims: one folder (test/fixtures/case-notes)
// plus one registry line, composed with victims, with a protected field whose basis is the
// victim's consent (asked of the victims subgraph over HTTP with the caller's token), audited
// in its own chain and read through the hub's one auditTrail query.

const REGISTRY = [...SUBGRAPHS, { port: 4099, definition: caseNotesSubgraph }];
const NOTE = `query($id: ID!) { caseNote(id: $id) { id court summary } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(consentId: $id) { active } }`;
const TRAIL = `query($id: ID!) { auditTrail(subjectType: "CaseNote", subjectId: $id) { subjectType events(first: 50) {
  edges { node { action role jurisdiction subjectType subjectId fields deniedFields decision } } } } }`;

let hub: TestHub;
let victimId: string;
let noteId: string;

beforeAll(async () => {
  hub = await startHub({ registry: REGISTRY });
  victimId = await registerVictim(hub, 'DE');
  const [note] = await hub.subgraphs['case-notes'].connection
    .model<CaseNoteRecord>('CaseNote')
    .insertMany([{ victimId, court: 'Landgericht Berlin', summary: 'Testified about recruitment through a job agency' }]);
  noteId = String(note._id);
});
afterAll(() => hub.stop());

async function readNote(role: string, jurisdiction: string) {
  const res = await hub.queryAs(role, jurisdiction, NOTE, { id: noteId });
  expect(res.status).toBe(200);
  return res.body;
}

describe('a subgraph built on the platform, deciding by the victim’s consent', () => {
  it('allows TESTIMONY in the victim’s own jurisdiction (asked of the victims subgraph)', async () => {
    const body = await readNote('judge', 'DE');
    expect(body.errors).toBeUndefined();
    expect(body.data.caseNote).toEqual({ id: noteId, court: 'Landgericht Berlin', summary: 'Testified about recruitment through a job agency' });
  });

  it('to roles that never see testimony, denies it; elsewhere without consent, the note is not there at all', async () => {
    for (const [role, jurisdiction] of [['shelter_staff', 'DE'], ['partner_system', 'DE']]) {
      const body = await readNote(role, jurisdiction);
      expect(body.data.caseNote).toEqual({ id: noteId, court: 'Landgericht Berlin', summary: null });
      expect(errorCodes(body)).toEqual({ 'caseNote.summary': 'FORBIDDEN' });
      expect(body.errors![0].message).toBe(`TESTIMONY data of this case note is read only by judge, prosecutor, law_enforcement, social_worker, legal_aid_attorney: not by ${role}`);
      expect(body.errors![0].extensions?.reason).toBe('ROLE');
    }
    expect(await readNote('judge', 'AT')).toEqual({ data: { caseNote: null } }); // as for an unknown id
  });

  it('allows it once the victim consents to share TESTIMONY with that jurisdiction, and not after withdrawal', async () => {
    const other = await grantConsent(hub, victimId, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'] });
    const visible = await readNote('judge', 'AT'); // visible now (a consent names AT), but not this category
    expect(visible.data.caseNote).toEqual({ id: noteId, court: 'Landgericht Berlin', summary: null });
    expect(errorCodes(visible)).toEqual({ 'caseNote.summary': 'FORBIDDEN' });
    // The denial says what the consent naming AT covers (the platform's consent basis explains itself in any subgraph).
    expect(visible.errors![0].message).toBe("TESTIMONY data of this case note is not shared with AT: the victim's consent shares HEALTH with AT, not TESTIMONY");
    expect(visible.errors![0].extensions?.reason).toBe('CONSENT_CATEGORY');
    const consentId = await grantConsent(hub, victimId, 'DE', { categories: ['TESTIMONY'], granteeJurisdictions: ['AT'] });
    const allowed = await readNote('judge', 'AT');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.caseNote.summary).toBe('Testified about recruitment through a job agency');

    const withdrawn = await hub.queryAs('social_worker', 'DE', WITHDRAW, { id: consentId });
    expect(withdrawn.body.errors).toBeUndefined();
    expect(errorCodes(await readNote('judge', 'AT'))).toEqual({ 'caseNote.summary': 'FORBIDDEN' });
    await hub.queryAs('social_worker', 'DE', WITHDRAW, { id: other });
    expect(await readNote('judge', 'AT')).toEqual({ data: { caseNote: null } });
  });

  it('audits every protected read, and foreign CASE reads, in its own chain, read through the one auditTrail query', async () => {
    const res = await hub.queryAs('auditor', 'DE', TRAIL, { id: noteId });
    expect(res.body.errors).toBeUndefined();
    const events = res.body.data.auditTrail.events.edges.map((edge: { node: Record<string, unknown> }) => edge.node);
    expect(events.map((e: any) => `${e.role}/${e.jurisdiction}:${e.decision}`)).toEqual([
      'judge/DE:ALLOW',
      'shelter_staff/DE:DENY',
      'partner_system/DE:DENY',
      'judge/AT:DENY',
      'judge/AT:ALLOW',
      'judge/AT:DENY',
    ]);
    expect(events[3]).toEqual({
      action: 'READ',
      role: 'judge',
      jurisdiction: 'AT',
      subjectType: 'CaseNote',
      subjectId: noteId,
      fields: ['court', 'summary'],
      deniedFields: ['summary'],
      decision: 'DENY',
    });
    // Its own chain: the victims chain holds none of these reads.
    const inVictimsChain = (await hub.subgraphs.victims.audit.events({ subjectType: 'CaseNote' })).length;
    expect(inVictimsChain).toBe(0);
    const chains = await hub.queryAs('auditor', 'DE', `{ auditChains { service verify { valid events } } }`);
    // Every subgraph's chain, in registry order; the others hold nothing of this test.
    expect(chains.body.data.auditChains).toEqual(
      REGISTRY.map(({ definition }) => ({
        service: definition.name,
        verify: { valid: true, events: definition.name === 'victims' ? expect.any(Number) : definition.name === 'case-notes' ? 7 : 0 }, // case notes: 6 reads, and the auditor's read of the trail
      })),
    );
  });

  it('an unknown note is null, not an error', async () => {
    const res = await hub.queryAs('judge', 'DE', NOTE, { id: newId() });
    expect(res.body).toEqual({ data: { caseNote: null } });
  });

  it('denies, never allows, when the victims subgraph cannot be asked', async () => {
    await hub.subgraphs.victims.stop();
    const body = await readNote('judge', 'DE');
    expect(body.data.caseNote).toBeNull();
    expect(errorCodes(body)).toEqual({ caseNote: 'FORBIDDEN' });
    expect(body.errors![0].message).toMatch(/^This case note cannot be shown: consent could not be checked: the victims service did not answer/);
  });
});
