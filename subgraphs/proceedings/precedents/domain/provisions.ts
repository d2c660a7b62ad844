import { badInput } from '../../../../platform/errors';
import { checkEach } from '../../../common/validate';
import type { ProvisionRecord } from '../models';
import { isJurisdictionCode } from './ecli';

/**
 * Legal provisions a decision applies, as courts cite them (decision 114): an instrument and
 * an article of it. Instruments are named one way each, so a filter finds every precedent
 * that applies one:
 *
 * - the European Convention on Human Rights: `ECHR`; the EU Charter: `EU Charter`; the
 *   Union treaties: `TEU`, `TFEU`; the UN Convention against Transnational Organized Crime
 *   and its trafficking protocol: `UNTOC`, `UN Palermo Protocol`;
 * - Council of Europe treaties by their series number: `CoE CETS 197` (the Convention on
 *   Action against Trafficking in Human Beings);
 * - ILO conventions by number: `ILO C029`;
 * - EU acts by type and number: `Directive 2011/36/EU`, `Regulation (EU) 2016/679`,
 *   `Framework Decision 2002/584/JHA`;
 * - national codes by ISO 3166-1 country and the code's usual abbreviation: `DE StGB`,
 *   `AT StGB`, `IT c.p.`, `AL KP`, `RS KZ`, `GR ΠΚ`.
 *
 * An article is its number with what courts add: `4`, `232a`, `110/a`, `601 bis`, `8(1)`,
 * `3(a)`. A precedent is filed under the instrument, the article, and the article without
 * its paragraphs, so asking for `ECHR` Art. 4 finds one that applies Art. 4(1).
 */

const NAMED = new Set(['ECHR', 'EU Charter', 'TEU', 'TFEU', 'UNTOC', 'UN Palermo Protocol']);
const SERIES = /^(?:CoE CETS \d{1,3}|ILO C\d{3}|Directive \d{4}\/\d{1,4}\/(?:EU|EC|EEC)|Regulation \((?:EU|EC)\) \d{4}\/\d{1,4}|Framework Decision \d{4}\/\d{1,4}\/JHA)$/;
const NATIONAL = /^([A-Z]{2}) [\p{L}][\p{L}\d.]{0,19}$/u;
const ARTICLE = /^\d{1,4}(?:[a-zA-Z]{1,2}|\/[a-z])?(?: (?:bis|ter|quater|quinquies|sexies))?(?:\((?:\d{1,3}[a-z]?|[a-z]{1,4})\))*$/;
export const MAX_PROVISIONS = 20;

/** An instrument's name, spaces made single; refused unless it is named as above. */
export function instrument(value: string, field: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (NAMED.has(name) || SERIES.test(name)) return name;
  const national = NATIONAL.exec(name);
  if (national && isJurisdictionCode(national[1]) && national[1] !== 'EU' && national[1] !== 'CE') return name;
  throw badInput(
    field,
    `${JSON.stringify(value)} is not an instrument named here: ECHR, EU Charter, TEU, TFEU, UNTOC, UN Palermo Protocol, CoE CETS <number>, ILO C<number>, Directive <year>/<number>/EU, Regulation (EU) <year>/<number>, Framework Decision <year>/<number>/JHA, or a national code as <ISO country> <code> (e.g. DE StGB)`,
  );
}

/** An article as courts cite it (without 'Art.' or '§'). */
export function article(value: string, field: string): string {
  const cited = value.trim().replace(/^(?:Art\.?|Article|§)\s*/i, '').replace(/\s+/g, ' ');
  if (!ARTICLE.test(cited)) throw badInput(field, `${JSON.stringify(value)} is not an article number (e.g. 4, 232a, 110/a, 601 bis, 8(1))`);
  return cited;
}

/** The provisions of a publication or correction, checked (each wrong one named), without repeats. */
export async function provisions(given: Array<{ instrument: string; article: string }>, field: string): Promise<ProvisionRecord[]> {
  if (given.length > MAX_PROVISIONS) throw badInput(field, `must list at most ${MAX_PROVISIONS} provisions`);
  const checked = await checkEach(given, (p, i) => ({ instrument: instrument(p.instrument, `${field}[${i}].instrument`), article: article(p.article, `${field}[${i}].article`) }));
  return [...new Map(checked.map((p) => [`${p.instrument}|${p.article}`, p])).values()];
}

/** The facet a provision filter asks for: the instrument, or an article of it. */
export function provisionFacet(p: { instrument: string; article?: string | null }): string {
  return p.article != null ? `provision=${p.instrument}|${p.article}` : `provision=${p.instrument}`;
}

/** The facets a precedent is filed under: each instrument, each article, each article without its paragraphs. */
export function provisionFacets(list: ProvisionRecord[]): string[] {
  return [
    ...new Set(
      list.flatMap((p) => [provisionFacet({ instrument: p.instrument }), provisionFacet(p), provisionFacet({ instrument: p.instrument, article: p.article.replace(/\(.*$/, '') })]),
    ),
  ];
}
