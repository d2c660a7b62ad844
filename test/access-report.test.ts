import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../platform/paths';
import { errorCodes, startHub, type TestHub } from './support/hub';
import { grantConsent, registerVictim } from './support/victims';
import { pdfText } from './support/pdf-text';

// A survivor's own access report: who (role, organisation, jurisdiction — never a name),
// when, which categories and for which purpose her data was read or refused, in plain
// language, and as a PDF she can be handed.

let hub: TestHub;
let victimId: string;
const REPORT = `query($id: ID!, $from: String, $to: String) { accessReport(victimId: $id, from: $from, to: $to) {
  caseReference entries { role organization jurisdiction purpose action categoriesRead categoriesRefused text } } }`;
const READ = `query($id: ID!) { victim(id: $id) { legalName contactPhone vulnerabilities } }`;

beforeAll(async () => {
  hub = await startHub();
  victimId = await registerVictim(hub, 'DE');
  await hub.query(await hub.token('judge', 'DE', { sub: 'judge-anna-schmidt' }), READ, { id: victimId }, { headers: { 'x-purpose': 'ADJUDICATION' } });
  await hub.query(await hub.token('shelter_staff', 'DE'), READ, { id: victimId }, { headers: { 'x-purpose': 'SHELTER_PLACEMENT' } });
  await grantConsent(hub, victimId, 'DE', { categories: ['HEALTH'], granteeJurisdictions: ['AT'], purposes: ['PROSECUTION'] });
  await hub.query(await hub.token('prosecutor', 'AT'), `query($id: ID!) { victim(id: $id) { vulnerabilities } }`, { id: victimId }, { headers: { 'x-purpose': 'PROSECUTION' } });
});
afterAll(() => hub.stop());

it('tells, in plain language, who read or was refused which data, when and why, naming no one', async () => {
  const res = await hub.query(await hub.token('social_worker', 'DE'), REPORT, { id: victimId }, { headers: { 'x-purpose': 'VICTIM_SUPPORT' } });
  expect(res.body.errors).toBeUndefined();
  const { entries } = res.body.data.accessReport;
  const reads = entries.filter((e: { action: string }) => e.action === 'READ');
  expect(reads.map(({ text, ...e }: { text: string }) => e)).toEqual([
    { role: 'judge', organization: 'DE-demo-org', jurisdiction: 'DE', purpose: 'ADJUDICATION', action: 'READ', categoriesRead: ['CONTACT', 'HEALTH', 'IDENTITY'], categoriesRefused: [] },
    { role: 'shelter_staff', organization: 'DE-demo-org', jurisdiction: 'DE', purpose: 'SHELTER_PLACEMENT', action: 'READ', categoriesRead: ['HEALTH'], categoriesRefused: ['CONTACT', 'IDENTITY'] },
    { role: 'prosecutor', organization: 'AT-demo-org', jurisdiction: 'AT', purpose: 'PROSECUTION', action: 'READ', categoriesRead: ['HEALTH'], categoriesRefused: [] },
  ]);
  expect(reads[1].text).toMatch(/^\d{1,2} \w+ \d{4}, \d\d:\d\d UTC: a member of shelter staff of DE-demo-org \(DE\) read your health and support needs and was refused your contact details and identity \(name, date of birth\), for shelter placement\.$/);
  expect(entries.map((e: { text: string }) => e.text).join(' ')).toMatch(/a social worker of DE-demo-org \(DE\) recorded your consent to share your health and support needs/);
  expect(JSON.stringify(res.body)).not.toMatch(/anna-schmidt|@de\.example|@at\.example/);
});

it('covers only the period asked for', async () => {
  const res = await hub.query(await hub.token('social_worker', 'DE'), REPORT, { id: victimId, from: '2099-01-01T00:00:00Z', to: '2099-12-31T00:00:00Z' });
  expect(res.body.data.accessReport.entries).toEqual([]);
  const reversed = await hub.query(await hub.token('social_worker', 'DE'), REPORT, { id: victimId, from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
  expect(errorCodes(reversed.body)).toEqual({ accessReport: 'BAD_USER_INPUT' });
});

it("is for the victim's own social worker or legal aid attorney, with a stated purpose", async () => {
  const as = async (role: string, jurisdiction: string, purpose?: string) =>
    errorCodes((await hub.query(await hub.token(role, jurisdiction), REPORT, { id: victimId }, purpose === undefined ? {} : { headers: { 'x-purpose': purpose } })).body);
  expect(await as('legal_aid_attorney', 'DE')).toEqual({});
  expect(await as('judge', 'DE')).toEqual({ accessReport: 'FORBIDDEN' });
  expect(await as('social_worker', 'AT')).toEqual({ accessReport: 'NOT_FOUND' });
  expect(await as('social_worker', 'DE', '')).toEqual({ accessReport: 'FORBIDDEN' });
});

it('npm run access-report writes a PDF a survivor can be handed, with every entry in it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'access-report-'));
  try {
    const out = path.join(dir, 'report.pdf');
    const token = await hub.token('social_worker', 'DE');
    // Asynchronously: the hub answering the command runs in this process.
    const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'operations', 'access-report.js'), victimId, '--token', token, '--url', hub.gateway.url, '--out', out]);
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (status) => resolve({ status, stderr }));
    });
    expect(run).toEqual({ status: 0, stderr: '' });
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const { caseReference } = (await hub.query(await hub.token('social_worker', 'DE'), REPORT, { id: victimId })).body.data.accessReport;
    expect(text).toContain('Who has seen your information');
    expect(text).toContain(`Case reference ${caseReference}`);
    expect(text).toContain('a judge of DE-demo-org (DE) read your contact details, health and support needs and identity (name, date of birth), for adjudication.');
    expect(text).toContain('a prosecutor of AT-demo-org (AT) read your health and support needs, for prosecution.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
