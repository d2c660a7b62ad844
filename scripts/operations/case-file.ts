import { askHub, day, moment, option, pdfTo, run, type HubAnswer } from './pdf';

/**
 * `npm run --silent case-file -- <proceedingId> --token <jwt> --out file.pdf [--language xx] [--gateway URL]`:
 * asks the hub for a proceeding's case file as the token's holder and writes that answer
 * as a PDF. It renders only what the hub answered this caller: a part or a field the hub
 * refused is printed "not available to you", never left out or shown as empty.
 */

export const CASE_FILE_QUERY = `query CaseFile($proceedingId: ID!, $language: String) {
  caseFile(proceedingId: $proceedingId, language: $language) {
    generatedAt
    language
    requestedBy { subject role jurisdiction organisation }
    proceeding { id caseNumber court jurisdiction kind stage openedAt closedAt outcome charges defendants { alias nationality gender } }
    hearings { scheduledAt court victimAppearance safeTransportNeeded }
    protectiveOrders { kind urgency status grounds requestedAt decisionDue overdue decidedAt }
    evidence { id kind description handlingCode handlingConditions custodian custody { sequence action toCustodian at } custodyCheck { valid events firstBrokenAt } }
    legalAssistanceRequests { reference requestingJurisdiction executingJurisdiction kind urgency status recognitionDue executionDue overdue }
    jointInvestigationTeams { name parties status startsOn endsOn }
    victims {
      caseReference status ageGroup gender nationality nonPunishmentProtection recoveryPeriod { startsOn endsOn }
      legalAid { current { matter status attorney { name } } gaps { from to reason } }
      currentPlacement { status from }
    }
    witnesses { label ageGroup gender identityDisclosedAt identity { name dateOfBirth } }
    defenceAppointments { defendant counselSubject counselOrganisation appointedAt active }
    disclosures { defendant disclosedAt evidence { id } }
    disclosureDueBy
    translations { subjectType language status translator deliveredAt stale text }
  }
}`;

type Value = unknown;
type Item = Record<string, Value>;
const NOT_AVAILABLE = 'not available to you';

/** What the hub answered at each path: a refusal is "not available to you", another error says so too, with its reason. */
class Answer {
  private readonly errors = new Map<string, { code: string; message: string }>();

  constructor(body: HubAnswer<unknown>) {
    for (const e of body.errors ?? []) this.errors.set((e.path ?? []).join('.'), { code: String(e.extensions?.code ?? ''), message: e.message });
  }

  /** Why nothing is shown at `path`, or null when the hub answered it. */
  refused(path: Array<string | number>): string | null {
    const error = this.errors.get(path.join('.'));
    if (!error) return null;
    return error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED' ? NOT_AVAILABLE : `not available now (${error.message})`;
  }

  /** A field's value in words: refused, absent ("none") or formatted. */
  show(path: Array<string | number>, value: Value, format: (v: any) => string = String): string {
    return this.refused(path) ?? (value == null || (Array.isArray(value) && value.length === 0) ? 'none' : format(value));
  }
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');
const words = (v: string) => v.toLowerCase().replace(/_/g, ' ');

/** The case file as a PDF: one section per part, in the order a judge reads a case. */
export function writeCaseFilePdf(body: HubAnswer<{ caseFile: any }>, file: string): Promise<void> {
  const answer = new Answer(body);
  const f = body.data!.caseFile;
  const p = f.proceeding;
  const at = (...path: Array<string | number>) => ['caseFile', ...path];
  const title = `Case file ${p.caseNumber ?? p.id}`;
  const { doc, written } = pdfTo(file, title);

  const heading = (text: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2).font('Helvetica').fontSize(10);
  const line = (label: string, text: string) => doc.text(`${label}: ${text}`);
  /** A part: refused as a whole, empty, or each item drawn by `item`. */
  const part = (name: string, field: string, item: (it: Item, path: Array<string | number>) => void) => {
    heading(name);
    const refused = answer.refused(at(field));
    const items = f[field] as Item[] | null;
    if (refused) return doc.text(`${name}: ${refused}.`);
    if (!items || items.length === 0) return doc.text('None that you may see.');
    items.forEach((it, i) => {
      const path = at(field, i);
      const fields = Object.keys(it).filter((k) => k !== 'id');
      // An item the caller may know of but read nothing of (police and an item they do not hold).
      if (fields.length > 0 && fields.every((k) => answer.refused([...path, k]))) return doc.text(`• Item ${i + 1}: ${NOT_AVAILABLE}.`, { paragraphGap: 3 });
      item(it, path);
      doc.moveDown(0.3);
    });
  };

  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
  const who = f.requestedBy;
  doc.text(`Made on ${moment(f.generatedAt)} for ${who.role} ${who.subject} of ${who.organisation} (${who.jurisdiction}).${f.language ? ` Language asked for: ${f.language}.` : ''}`);
  doc.text(`Every part shows only what the Justice Hub lets this caller see; "${NOT_AVAILABLE}" marks what it did not.`);

  heading('Proceeding');
  const pf = (name: string, format?: (v: any) => string) => answer.show(at('proceeding', name), p[name], format);
  line('Case number', pf('caseNumber'));
  line('Court', pf('court'));
  line('Jurisdiction', pf('jurisdiction'));
  line('Kind', pf('kind', words));
  line('Stage', `${pf('stage', words)} (the stages it went through are not recorded: the current one and its dates)`);
  line('Opened', pf('openedAt', day));
  line('Closed', pf('closedAt', day));
  line('Outcome', pf('outcome'));
  line('Charges', pf('charges', (c: string[]) => c.join('; ')));
  line('Defendants', pf('defendants', (ds: Item[]) => ds.map((d) => `${d.alias} (${d.nationality}, ${words(String(d.gender))})`).join('; ')));

  part('Hearings', 'hearings', (h) => doc.text(`• ${moment(String(h.scheduledAt))}, ${h.court}: victim ${words(String(h.victimAppearance))}${h.safeTransportNeeded ? ', safe transport needed' : ''}`));

  part('Protective orders', 'protectiveOrders', (o, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], o[k], format);
    doc.text(`• ${s('kind', words)}, ${s('urgency', words)}: ${s('status', words)}`);
    doc.text(`  Grounds: ${s('grounds')}. Requested ${s('requestedAt', day)}; decision due ${s('decisionDue', moment)}${o.overdue ? ' (OVERDUE)' : ''}; decided ${s('decidedAt', day)}.`);
  });

  part('Evidence', 'evidence', (e, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], e[k], format);
    doc.text(`• ${s('kind', words)}: ${s('description')}`);
    doc.text(`  Handling code ${s('handlingCode')}${e.handlingConditions ? ` (${e.handlingConditions})` : ''}. Held by ${s('custodian')}.`);
    const custody = e.custody as Item[] | null;
    const last = custody && custody.length > 0 ? custody[custody.length - 1] : null;
    const lastEvent = answer.refused([...path, 'custody']) ?? (last ? `${words(String(last.action))} to ${last.toCustodian} on ${moment(String(last.at))}` : 'none');
    doc.text(`  Last custody event: ${lastEvent}.`);
    doc.text(`  Chain of custody: ${s('custodyCheck', (c: Item) => (!c.valid ? `BROKEN at event ${c.firstBrokenAt}` : c.events === 0 ? 'no custody events recorded' : `intact (${c.events} event${c.events === 1 ? '' : 's'})`))}.`);
  });

  part('Legal assistance requests', 'legalAssistanceRequests', (r, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], r[k], format);
    doc.text(`• ${s('reference')}: ${s('requestingJurisdiction')} to ${s('executingJurisdiction')}, ${s('kind', words)} (${s('urgency', words)}): ${s('status', words)}${r.overdue ? ' (OVERDUE)' : ''}`);
    doc.text(`  Recognition due ${s('recognitionDue', day)}; execution due ${s('executionDue', day)}.`);
  });

  part('Joint investigation teams', 'jointInvestigationTeams', (t, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], t[k], format);
    doc.text(`• ${s('name')}: ${s('parties', (ps: string[]) => ps.join(', '))}, ${s('status', words)}, ${s('startsOn')} to ${s('endsOn')}`);
  });

  part('Victims', 'victims', (v, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], v[k], format);
    doc.text(`• ${s('caseReference')}: ${s('status', words)}, ${s('ageGroup', words)}, ${s('gender', words)}, ${s('nationality')}`);
    doc.text(`  Non-punishment protection: ${s('nonPunishmentProtection', yesNo)}. Recovery period: ${s('recoveryPeriod', (r: Item) => `${r.startsOn} to ${r.endsOn}`)}.`);
    const legalAid = (aid: Item) => {
      const current = (aid.current as Item[]).map((a, i) => {
        const q = (k: string, format?: (v: any) => string) => answer.show([...path, 'legalAid', 'current', i, k], a[k], format);
        return `${q('matter', words)}, ${q('status', words)}, attorney ${q('attorney', (at: Item) => String(at.name))}`;
      });
      const gaps = answer.show([...path, 'legalAid', 'gaps'], aid.gaps, (gs: Item[]) => gs.map((g) => `${words(String(g.reason))} since ${day(String(g.from))}${g.to ? ` until ${day(String(g.to))}` : ''}`).join('; '));
      return `${current.length > 0 ? current.join('; ') : 'no current assignment'}; gaps: ${gaps}`;
    };
    doc.text(`  Legal aid: ${s('legalAid', legalAid)}.`);
    doc.text(`  Shelter placement: ${s('currentPlacement', (pl: Item) => `${words(String(pl.status))} from ${pl.from}`)}.`);
  });

  part('Witnesses', 'witnesses', (w, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], w[k], format);
    doc.text(`• ${s('label')}: ${s('ageGroup', words)}, ${s('gender', words)}`);
    const identity = w.identityDisclosedAt ? s('identity', (i: Item) => `${i.name}${i.dateOfBirth ? `, born ${i.dateOfBirth}` : ''}`) : 'not disclosed';
    doc.text(`  Identity: ${identity}${w.identityDisclosedAt ? ` (ordered disclosed on ${day(String(w.identityDisclosedAt))})` : ''}.`);
  });

  part('Defence counsel', 'defenceAppointments', (a, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], a[k], format);
    doc.text(`• For ${s('defendant')}: ${s('counselSubject')} (${s('counselOrganisation')}), appointed ${s('appointedAt', day)}${a.active === false ? ', ended' : ''}`);
  });

  part('Disclosures to the defence', 'disclosures', (d, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], d[k], format);
    doc.text(`• To ${s('defendant')} on ${s('disclosedAt', day)}: item ${s('evidence', (e: Item) => String(e.id))}`);
  });
  heading('Disclosure deadline');
  doc.text(answer.show(at('disclosureDueBy'), f.disclosureDueBy, moment));

  part(f.language ? `Translations into ${f.language}` : 'Translations', 'translations', (t, path) => {
    const s = (k: string, format?: (v: any) => string) => answer.show([...path, k], t[k], format);
    doc.text(`• Of the ${s('subjectType', words)} into ${s('language')}: ${s('status', words)}, translator ${s('translator')}, delivered ${s('deliveredAt', day)}${t.stale ? ' (STALE: the original changed since)' : ''}`);
    if (t.status === 'DELIVERED') doc.text(`  Text: ${s('text')}`);
  });

  doc.moveDown().fontSize(8).fillColor('#555').text(`Produced by the Justice Hub from the answer to ${who.role} ${who.subject}; it holds nothing that caller could not read, and reading it was logged in the hub's audit trail.`);
  doc.end();
  return written;
}

const USAGE = 'usage: npm run --silent case-file -- <proceedingId> --token <jwt> --out file.pdf [--language xx] [--gateway http://127.0.0.1:4000/graphql]';

async function main() {
  const proceedingId = process.argv[2];
  const token = option('token') ?? process.env.TOKEN;
  const out = option('out');
  if (!proceedingId || proceedingId.startsWith('--') || !token || !out) throw new Error(USAGE);
  const { status, body } = await askHub<{ caseFile: unknown }>(option('gateway') ?? 'http://127.0.0.1:4000/graphql', token, CASE_FILE_QUERY, { proceedingId, language: option('language') }, option('purpose'));
  if (!body.data?.caseFile) throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${status}`);
  await writeCaseFilePdf(body as HubAnswer<{ caseFile: any }>, out);
  console.log(out);
}

if (require.main === module) run(main);
