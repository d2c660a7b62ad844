import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import { CASE_FILE_QUERY } from '../scripts/operations/case-file';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { ATTORNEYS, attorney, day, Records, setUpDirectories } from './support/records';
import { pdfText } from './support/pdf-text';
import { newId } from '../subgraphs/common/validate';

// One case file for the court (issue 28): every part of a proceeding across subgraphs,
// each as the caller may see it — the parts are the proceeding's own fields, decided and
// logged as those fields — and the same answer written as a PDF by `npm run case-file`.

let hub: TestHub;
let r: Records;
let proceedingId: string;
let caseNumber: string;
let heldItem: string;
let restrictedItem: string;
let requestReference: string;
let teamName: string;
let victimReference: string;

const OFFICER = { role: 'law_enforcement', jurisdiction: 'DE', sub: 'officer-9' };
const AT_PROSECUTOR = { role: 'prosecutor', jurisdiction: 'AT', sub: 'prosecutor-at-1' };
const COUNSEL = { sub: 'counsel-cf', org: 'Kanzlei Akte' };
/** The defence's parts: the judges, prosecutors and counsel of the proceeding's own (DEFENCE). */
const DEFENCE_PARTS = ['caseFile.defenceAppointments', 'caseFile.disclosureDueBy', 'caseFile.disclosures', 'caseFile.witnesses'];

const ask = async (actor: { role: string; jurisdiction: string; sub?: string; org?: string }, id = proceedingId, language?: string, url?: string) =>
  hub.query(await hub.token(actor.role, actor.jurisdiction, { ...(actor.sub ? { sub: actor.sub } : {}), ...(actor.org ? { org: actor.org } : {}) }), CASE_FILE_QUERY, { proceedingId: id, language }, url ? { url } : {});
const AS_COUNSEL = { role: 'defence_counsel', jurisdiction: 'DE', ...COUNSEL };

beforeAll(async () => {
  hub = await startHub();
  r = new Records(hub);
  await setUpDirectories(hub);
  const victimId = await r.victim('DE');
  proceedingId = await r.proceeding('DE', [victimId], ['Defendant A']);
  await r.hearing(proceedingId);
  const order = `mutation($id: ID!, $input: RequestProtectiveOrderInput!) { requestProtectiveOrder(proceedingId: $id, input: $input) { id } }`;
  await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, order, { id: proceedingId, input: { kind: 'NO_CONTACT', urgency: 'URGENT', protectedVictimId: victimId, grounds: 'Threats by phone' } });
  // Two items, registered by officer-7: the first handed to officer-9 (a custody event), the second restricted by its provider (H2).
  heldItem = await r.evidence(proceedingId, 'H0');
  restrictedItem = await r.evidence(proceedingId, 'H2');
  const custody = `mutation($id: ID!, $input: CustodyEventInput!) { recordCustodyEvent(evidenceId: $id, input: $input) { sequence } }`;
  await r.as({ role: 'law_enforcement', jurisdiction: 'DE', sub: 'officer-7' }, custody, { id: heldItem, input: { action: 'TRANSFERRED', fromCustodian: 'officer-7', toCustodian: 'officer-9', note: 'To the lab' } });
  // A legal assistance request of this proceeding to AT, submitted.
  const draft = `mutation($input: DraftLegalAssistanceRequestInput!) { draftLegalAssistanceRequest(input: $input) { id reference } }`;
  const drafted = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, draft, { input: { proceedingId, executingJurisdiction: 'AT', kind: 'BANKING_INFORMATION', urgency: 'NORMAL', subject: 'Holders of account AT61 1904' } })).draftLegalAssistanceRequest;
  requestReference = drafted.reference;
  await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!) { submitLegalAssistanceRequest(id: $id) { status } }`, { id: drafted.id });
  // A team of DE and AT that AT's prosecutor joined, linking the proceeding.
  teamName = `JIT case file ${day(0)}`;
  const create = `mutation($input: CreateTeamInput!) { createJointInvestigationTeam(input: $input) { id } }`;
  const teamId = (await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, create, { input: { name: teamName, parties: ['DE', 'AT'], purpose: 'Labour exploitation network', startsOn: day(0), endsOn: day(365) } })).createJointInvestigationTeam.id;
  await r.as(AT_PROSECUTOR, `mutation($id: ID!) { joinJointInvestigationTeam(teamId: $id) { status } }`, { id: teamId });
  await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!, $p: ID!) { linkProceeding(teamId: $id, proceedingId: $p) { id } }`, { id: teamId, p: proceedingId });
  // Her legal aid in this proceeding (ACTIVE), and a shelter placement.
  const assign = `mutation($v: ID!, $input: AssignLegalAidInput!) { assignLegalAid(victimId: $v, input: $input) { id } }`;
  const assignmentId = (await r.as(attorney('A1'), assign, { v: victimId, input: { attorneyId: ATTORNEYS.A1._id, matter: 'CRIMINAL_PROCEEDING', jurisdiction: 'DE', proceedingId } })).assignLegalAid.id;
  await r.as(attorney('A1'), `mutation($id: ID!) { recordRepresentationConsent(assignmentId: $id, input: { givenOn: "${day(-1)}", language: "uk", interpreterUsed: true }) { id } }`, { id: assignmentId });
  await r.acceptedPlacement(await r.shelter('DE'), victimId);
  // The defence: counsel for Defendant A, the held item disclosed to him; translations of the held item into de and of the proceeding into ro.
  await r.as({ role: 'judge', jurisdiction: 'DE' }, `mutation($id: ID!, $input: AppointDefenceCounselInput!) { appointDefenceCounsel(proceedingId: $id, input: $input) { id } }`, { id: proceedingId, input: { defendant: 'Defendant A', counselSubject: COUNSEL.sub, counselOrganisation: COUNSEL.org } });
  await r.as({ role: 'prosecutor', jurisdiction: 'DE' }, `mutation($id: ID!) { discloseEvidence(evidenceId: $id, input: { defendant: "Defendant A" }) { id } }`, { id: heldItem });
  const translator = await r.translatorCertificate();
  for (const [subjectType, subjectId, targetLanguage, text] of [['EVIDENCE', heldItem, 'de', 'Kassenbuch (Übersetzung)'], ['PROCEEDING', proceedingId, 'ro', 'Trafic de persoane']]) {
    const id = (await r.as({ role: 'judge', jurisdiction: 'DE' }, `mutation($input: RequestTranslationInput!) { requestTranslation(input: $input) { id } }`, { input: { subjectType, subjectId, targetLanguage } })).requestTranslation.id;
    await r.as({ role: 'judge', jurisdiction: 'DE' }, `mutation($id: ID!, $code: String!) { assignTranslation(translationId: $id, translator: $code) { id } }`, { id, code: translator });
    await r.as({ role: 'judge', jurisdiction: 'DE' }, `mutation($id: ID!, $text: String!) { deliverTranslation(translationId: $id, text: $text) { id } }`, { id, text });
  }
  const judge = await ask({ role: 'judge', jurisdiction: 'DE' });
  caseNumber = judge.body.data.caseFile.proceeding.caseNumber;
  victimReference = judge.body.data.caseFile.victims[0].caseReference;
}, 120_000);
afterAll(() => hub.stop());

describe("a judge's case file", () => {
  it('holds every part of the case across the subgraphs, each as the judge may see it', async () => {
    const res = await ask({ role: 'judge', jurisdiction: 'DE', sub: 'judge-de-1' }, proceedingId, 'de');
    const file = res.body.data.caseFile;
    expect(file.requestedBy).toEqual({ subject: 'judge-de-1', role: 'judge', jurisdiction: 'DE', organisation: 'DE-demo-org' });
    expect(file.language).toBe('de');
    expect(Math.abs(Date.parse(file.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(file.proceeding).toMatchObject({ id: proceedingId, caseNumber, court: 'Landgericht Berlin', jurisdiction: 'DE', stage: 'INVESTIGATION', charges: ['Trafficking in human beings'], closedAt: null });
    expect(file.hearings).toHaveLength(1);
    expect(file.protectiveOrders).toEqual([expect.objectContaining({ kind: 'NO_CONTACT', urgency: 'URGENT', status: 'REQUESTED', overdue: false, grounds: 'Threats by phone' })]);
    expect(file.protectiveOrders[0].decisionDue).toEqual(expect.any(String));
    expect(file.evidence.map((e: { id: string; handlingCode: string; custodian: string }) => [e.id, e.handlingCode, e.custodian])).toEqual([
      [heldItem, 'H0', 'officer-9'],
      [restrictedItem, 'H2', 'officer-7'],
    ]);
    expect(file.evidence[0].custody.map((c: { action: string }) => c.action)).toEqual(['TRANSFERRED']);
    expect(file.evidence[0].custodyCheck).toEqual({ valid: true, events: 1, firstBrokenAt: null });
    expect(file.legalAssistanceRequests).toEqual([expect.objectContaining({ reference: requestReference, executingJurisdiction: 'AT', status: 'SUBMITTED', overdue: false })]);
    expect(file.jointInvestigationTeams).toEqual([expect.objectContaining({ name: teamName, parties: ['DE', 'AT'], status: 'ACTIVE' })]);
    expect(file.victims).toEqual([expect.objectContaining({ caseReference: victimReference, nationality: 'UA', currentPlacement: null })]);
    expect(file.victims[0].legalAid.current).toEqual([{ matter: 'CRIMINAL_PROCEEDING', status: 'ACTIVE', attorney: { name: 'Attorney M1' } }]);
    // Where she lives is for shelter staff and social workers, gaps in her legal aid for them and attorneys: refused at their paths, the rest answered.
    expect(errorCodes(res.body)).toEqual({ 'caseFile.victims.0.legalAid.gaps': 'FORBIDDEN', 'caseFile.victims.0.currentPlacement': 'FORBIDDEN' });
  });

  it('is logged as the reads of its parts: the proceeding’s fields and each item, in the proceedings subgraph’s chain', async () => {
    await ask({ role: 'judge', jurisdiction: 'DE', sub: 'judge-audited' });
    const events = await hub.subgraphs.proceedings.audit.events({ actor: 'judge-audited' });
    const read = (type: string, id: string) => events.filter((e) => e.subjectType === type && e.subjectId === id).flatMap((e) => e.fields);
    expect(read('Proceeding', proceedingId)).toEqual(expect.arrayContaining(['caseNumber', 'charges', 'defendants', 'hearings', 'protectiveOrders', 'evidence', 'legalAssistanceRequests', 'jointInvestigationTeams', 'victims']));
    expect(read('Evidence', heldItem)).toEqual(expect.arrayContaining(['description', 'custody', 'custodyCheck']));
    expect(events.every((e) => e.decision === 'ALLOW' && e.purpose === 'ADJUDICATION')).toBe(true);
  });
});

describe('who sees what of it', () => {
  const withoutAsker = (body: { data?: any }) => ({ ...body.data.caseFile, requestedBy: undefined, generatedAt: undefined });

  it("a prosecutor's file is the judge's: every part's rule gives both the same", async () => {
    const [judge, prosecutor] = await Promise.all([ask({ role: 'judge', jurisdiction: 'DE' }), ask({ role: 'prosecutor', jurisdiction: 'DE' })]);
    expect(withoutAsker(prosecutor.body)).toEqual(withoutAsker(judge.body));
    expect(errorCodes(prosecutor.body)).toEqual(errorCodes(judge.body));
  });

  it('police read the items they hold, not the chain check, not the legal aid, and only the teams they are members of', async () => {
    const res = await ask(OFFICER);
    const file = res.body.data.caseFile;
    expect(file.proceeding.caseNumber).toBe(caseNumber);
    expect(file.protectiveOrders).toHaveLength(1);
    expect(file.legalAssistanceRequests).toEqual([expect.objectContaining({ reference: requestReference })]);
    expect(file.jointInvestigationTeams).toEqual([]);
    expect(file.evidence[0]).toMatchObject({ id: heldItem, custodian: 'officer-9', custodyCheck: null });
    expect(file.evidence[1]).toMatchObject({ id: restrictedItem, description: null, custodian: null, custody: null });
    const codes = errorCodes(res.body);
    expect(codes).toMatchObject({ 'caseFile.evidence.0.custodyCheck': 'FORBIDDEN', 'caseFile.evidence.1.description': 'FORBIDDEN', 'caseFile.victims.0.legalAid': 'FORBIDDEN', 'caseFile.victims.0.currentPlacement': 'FORBIDDEN' });
    expect(Object.keys(codes).filter((p) => !p.startsWith('caseFile.evidence.1.')).sort()).toEqual(['caseFile.evidence.0.custodyCheck', ...DEFENCE_PARTS, 'caseFile.victims.0.currentPlacement', 'caseFile.victims.0.legalAid'].sort());
  });

  it("a team member of another jurisdiction reads it through the team: no H2 item, no chain check, none of the victim's legal aid of DE", async () => {
    const res = await ask(AT_PROSECUTOR);
    const file = res.body.data.caseFile;
    expect(file.proceeding).toMatchObject({ caseNumber, jurisdiction: 'DE' });
    expect(file.evidence.map((e: { id: string }) => e.id)).toEqual([heldItem]);
    expect(file.evidence[0].custodyCheck).toBeNull();
    expect(file.legalAssistanceRequests).toEqual([expect.objectContaining({ reference: requestReference, status: 'SUBMITTED' })]);
    expect(file.jointInvestigationTeams).toEqual([expect.objectContaining({ name: teamName })]);
    expect(file.victims[0].legalAid.current).toEqual([]);
    expect(errorCodes(res.body)).toEqual({
      'caseFile.evidence.0.custodyCheck': 'FORBIDDEN',
      'caseFile.victims.0.legalAid.gaps': 'FORBIDDEN',
      'caseFile.victims.0.currentPlacement': 'FORBIDDEN',
      ...Object.fromEntries(DEFENCE_PARTS.map((p) => [p, 'FORBIDDEN'])),
    });
  });

  it("an appointed counsel's file differs from the prosecutor's as it should: no victims, assistance or teams; only the disclosed item; witnesses instead of victims", async () => {
    const [prosecutor, counsel] = await Promise.all([ask({ role: 'prosecutor', jurisdiction: 'DE' }), ask(AS_COUNSEL)]);
    const p = prosecutor.body.data.caseFile;
    const c = counsel.body.data.caseFile;
    expect(p.victims).toHaveLength(1);
    expect(p.evidence.map((e: { id: string }) => e.id)).toEqual([heldItem, restrictedItem]);
    expect(p.witnesses).toEqual([{ label: 'W-1', ageGroup: 'ADULT', gender: 'FEMALE', identityDisclosedAt: null, identity: null }]);
    expect({ victims: c.victims, assistance: c.legalAssistanceRequests, teams: c.jointInvestigationTeams }).toEqual({ victims: null, assistance: null, teams: null });
    expect(c.evidence.map((e: { id: string }) => e.id)).toEqual([heldItem]);
    expect(c.evidence[0].custody).toEqual([expect.objectContaining({ action: 'TRANSFERRED' })]);
    expect(c.witnesses).toEqual([{ label: 'W-1', ageGroup: 'ADULT', gender: 'FEMALE', identityDisclosedAt: null, identity: null }]);
    expect(c.defenceAppointments).toEqual([expect.objectContaining({ defendant: 'Defendant A', counselSubject: COUNSEL.sub, active: true })]);
    expect(c.disclosures).toEqual([expect.objectContaining({ defendant: 'Defendant A', evidence: { id: heldItem } })]);
    expect(c.translations.map((t: { subjectType: string; text: string }) => [t.subjectType, t.text])).toEqual([['EVIDENCE', 'Kassenbuch (Übersetzung)'], ['PROCEEDING', 'Trafic de persoane']]);
    const codes = errorCodes(counsel.body);
    for (const part of ['caseFile.victims', 'caseFile.legalAssistanceRequests', 'caseFile.jointInvestigationTeams', 'caseFile.proceeding.outcome', 'caseFile.evidence.0.custodyCheck', 'caseFile.witnesses.0.identity']) expect({ part, code: codes[part] }).toEqual({ part, code: 'FORBIDDEN' });
    expect(JSON.stringify(counsel.body)).not.toContain(victimReference);
  });

  it('holds the translations in the language asked for (all when none is), read as Proceeding.translations', async () => {
    const languages = async (language?: string) => (await ask({ role: 'judge', jurisdiction: 'DE' }, proceedingId, language)).body.data.caseFile.translations.map((t: { language: string }) => t.language);
    expect(await languages('de')).toEqual(['de']);
    expect(await languages('ro')).toEqual(['ro']);
    expect(await languages('fr')).toEqual([]);
    expect(await languages()).toEqual(['de', 'ro']);
  });

  it('another jurisdiction, not in the team, gets the answer of an unknown id', async () => {
    const unknown = newId();
    for (const actor of [{ role: 'judge', jurisdiction: 'FR' }, { role: 'judge', jurisdiction: 'AT' }]) {
      const hidden = await ask(actor);
      const missing = await ask(actor, unknown);
      expect(hidden.body).toEqual({ data: null, errors: [expect.objectContaining({ message: `Proceeding ${proceedingId} was not found`, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] });
      expect(JSON.stringify(hidden.body).replace(proceedingId, 'ID')).toBe(JSON.stringify(missing.body).replace(unknown, 'ID'));
    }
  });

  it('is for judges, prosecutors, police and appointed counsel; other roles are refused, counsel not appointed answered as unknown, a bad language named', async () => {
    expect(errorCodes((await ask({ role: 'defence_counsel', jurisdiction: 'DE', sub: 'counsel-other', org: COUNSEL.org })).body)).toEqual({ caseFile: 'NOT_FOUND' });
    for (const role of ['social_worker', 'partner_system', 'legal_aid_attorney', 'shelter_staff', 'auditor']) {
      expect(errorCodes((await ask({ role, jurisdiction: 'DE' })).body)).toEqual({ caseFile: 'FORBIDDEN' });
    }
    const bad = await ask({ role: 'judge', jurisdiction: 'DE' }, proceedingId, 'German');
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'language' } });
  });

  it('answers the same on the proceedings subgraph asked directly', async () => {
    const url = hub.subgraphs.proceedings.url;
    const QUERY = `query($id: ID!) { caseFile(proceedingId: $id) { proceeding { caseNumber } hearings { id } evidence { id description } legalAssistanceRequests { reference } jointInvestigationTeams { name } victims { id } } }`;
    const as = async (actor: { role: string; jurisdiction: string; sub?: string }) => hub.query(await hub.token(actor.role, actor.jurisdiction, actor.sub ? { sub: actor.sub } : {}), QUERY, { id: proceedingId }, { url });
    const judge = await as({ role: 'judge', jurisdiction: 'DE' });
    expect(judge.body.errors).toBeUndefined();
    expect(judge.body.data.caseFile).toMatchObject({ proceeding: { caseNumber }, hearings: [expect.anything()], legalAssistanceRequests: [{ reference: requestReference }], jointInvestigationTeams: [{ name: teamName }], victims: [expect.anything()] });
    const officer = await as(OFFICER);
    expect(errorCodes(officer.body)).toEqual({ 'caseFile.evidence.1.description': 'FORBIDDEN' });
    expect(errorCodes((await as({ role: 'judge', jurisdiction: 'FR' })).body)).toEqual({ caseFile: 'NOT_FOUND' });
    expect(errorCodes((await as({ role: 'social_worker', jurisdiction: 'DE' })).body)).toEqual({ caseFile: 'FORBIDDEN' });
  });
});

describe('npm run case-file', () => {
  const runCaseFile = async (actor: { role: string; jurisdiction: string; sub?: string; org?: string }, out: string, ...extra: string[]) => {
    const token = await hub.token(actor.role, actor.jurisdiction, { ...(actor.sub ? { sub: actor.sub } : {}), ...(actor.org ? { org: actor.org } : {}) });
    // Asynchronously: the hub answering the command runs in this process.
    return new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'case-file.js'), proceedingId, '--token', token, '--gateway', hub.gateway.url, '--out', out, ...extra]);
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (status) => resolve({ status, stderr }));
    });
  };
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'case-file-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the judge's file as a PDF with the case number and every part", async () => {
    const out = path.join(dir, 'judge.pdf');
    expect(await runCaseFile({ role: 'judge', jurisdiction: 'DE', sub: 'judge-de-1' }, out, '--language', 'de')).toEqual({ status: 0, stderr: '' });
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`Case file ${caseNumber}`);
    expect(text).toContain('judge judge-de-1 of DE-demo-org (DE)');
    expect(text).toContain('Language asked for: de.');
    for (const part of ['Proceeding', 'Hearings', 'Protective orders', 'Evidence', 'Legal assistance requests', 'Joint investigation teams', 'Victims']) expect(text).toContain(part);
    expect(text).toContain('Court: Landgericht Berlin');
    expect(text).toContain('Charges: Trafficking in human beings');
    expect(text).toContain('no contact, urgent: requested');
    expect(text).toContain('Handling code H2');
    expect(text).toContain('Held by officer-9.');
    expect(text).toContain('Last custody event: transferred to officer-9');
    expect(text).toContain('Chain of custody: intact (1 event).');
    expect(text).toContain('Chain of custody: no custody events recorded.');
    expect(text).toContain(requestReference);
    expect(text).toContain(teamName);
    expect(text).toContain(victimReference);
    expect(text).toContain('Legal aid: criminal proceeding, active, attorney Attorney M1');
    expect(text).toContain('Shelter placement: not available to you.');
  });

  it("writes the police officer's file with what is not theirs as not available, never as empty", async () => {
    const out = path.join(dir, 'officer.pdf');
    expect(await runCaseFile(OFFICER, out)).toEqual({ status: 0, stderr: '' });
    const text = pdfText(readFileSync(out));
    expect(text).toContain(`Case file ${caseNumber}`);
    expect(text).toContain('Held by officer-9.');
    expect(text).toContain('Chain of custody: not available to you.');
    expect(text).toContain('Item 2: not available to you.');
    expect(text).toContain('Joint investigation teams None that you may see.');
    expect(text).toContain('Legal aid: not available to you.');
    expect(text).not.toContain('officer-7');
  });

  it("writes the appointed counsel's file: witnesses, the disclosed item, no victim", async () => {
    const out = path.join(dir, 'counsel.pdf');
    expect(await runCaseFile(AS_COUNSEL, out, '--language', 'de')).toEqual({ status: 0, stderr: '' });
    const text = pdfText(readFileSync(out));
    expect(text).toContain(`Case file ${caseNumber}`);
    expect(text).toContain(`defence_counsel ${COUNSEL.sub} of ${COUNSEL.org} (DE)`);
    expect(text).toContain('Victims: not available to you.');
    expect(text).toContain('Legal assistance requests: not available to you.');
    expect(text).toContain('Joint investigation teams: not available to you.');
    expect(text).toContain('W-1: adult, female');
    expect(text).toContain('Identity: not disclosed.');
    expect(text).toContain('For Defendant A: counsel-cf (Kanzlei Akte)');
    expect(text).toContain(`item ${heldItem}`);
    expect(text).toContain('Translations into de');
    expect(text).toContain('Kassenbuch (Übersetzung)');
    expect(text).not.toContain('Trafic de persoane');
    expect(text).not.toContain(victimReference);
    expect(text).not.toContain('Handling code H2');
  });

  it('refuses, naming why, a proceeding the caller may not see', async () => {
    const res = await runCaseFile({ role: 'judge', jurisdiction: 'FR' }, path.join(dir, 'fr.pdf'));
    expect(res).toEqual({ status: 1, stderr: `Proceeding ${proceedingId} was not found\n` });
  });
});
