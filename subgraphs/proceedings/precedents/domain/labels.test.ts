import { terms } from '../../../common/storage';
import { DEMO_PRECEDENTS } from '../demo-decisions';
import { CooperationKind, EconomicSector, ExploitationPurpose, LegalIssue, TraffickingAct, TraffickingForm, TraffickingMeans } from '../schema/vocabulary';
import { asWords, LABEL_LANGUAGES, LABELLED, labelOf } from './labels';
import { article, instrument, provisions } from './provisions';

// The keywords' labels in the region's languages (labels.ts) and the provisions' names
// (provisions.ts): every value labelled in every language, English as before; every
// instrument form accepted, others refused; the demo decisions' provisions all valid.

const VALUES = [TraffickingAct, TraffickingMeans, ExploitationPurpose, CooperationKind, TraffickingForm, EconomicSector, LegalIssue].flatMap((e) => Object.values(e) as string[]);

describe('keyword labels', () => {
  it('label every keyword and legal issue in every language of the region, each with words to search', () => {
    expect([...LABELLED].sort()).toEqual([...VALUES].sort());
    for (const value of VALUES) for (const language of LABEL_LANGUAGES) expect([value, language, terms(labelOf(value, language), language).length > 0]).toEqual([value, language, true]);
  });

  it('are the value as words in English, as the index had them', () => {
    expect(labelOf('FORCED_LABOUR', 'en')).toBe('forced labour');
    for (const value of VALUES) expect(labelOf(value, 'en')).toBe(asWords(value));
  });
});

describe('provisions', () => {
  test.each(['ECHR', 'CoE CETS 197', 'Directive 2011/36/EU', 'Regulation (EU) 2016/679', 'Framework Decision 2002/584/JHA', 'ILO C029', 'DE StGB', 'IT c.p.', 'GR ΠΚ', 'UN Palermo Protocol'])('%s is an instrument', (name) => {
    expect(instrument(` ${name} `, 'i')).toBe(name);
  });

  test.each(['StGB', 'XX StGB', 'EU StGB', 'Directive 2011/36', 'European Convention on Human Rights', 'CETS 197'])('%s is refused', (name) => {
    expect(() => instrument(name, 'provision.instrument')).toThrow(/provision.instrument: .* is not an instrument named here/);
  });

  test.each([
    ['4', '4'],
    ['Art. 8(1)', '8(1)'],
    ['§ 232a', '232a'],
    ['110/a', '110/a'],
    ['601 bis', '601 bis'],
    ['3(a)', '3(a)'],
  ])('%s is the article %s', (given, cited) => expect(article(given, 'a')).toBe(cited));

  test.each(['', 'four', '4 (1', 'Art.'])('%j is not an article', (given) => expect(() => article(given, 'a')).toThrow(/not an article number/));

  it('the demo decisions apply valid provisions, each once', async () => {
    for (const p of DEMO_PRECEDENTS) expect(await provisions(p.provisions, 'provisions')).toEqual(p.provisions);
  });
});
