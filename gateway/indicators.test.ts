import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { SCHEMA_DIR } from '../platform/paths';
import { answerOf, indicatorFieldsOf, indicatorsQuery, Refusal, toCsv, type IndicatorsAsked } from './indicators';

// The downloads' pieces on their own: which indicator fields are asked (from the
// supergraph, so a subgraph's new field is asked once composed), the query, the CSV's
// quoting, and how the pipeline's answer becomes a download or a refusal.
// test/indicators-page.test.ts asks them through a running hub.

const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
const ASKED: IndicatorsAsked = { region: 'WB', year: 2026, quarter: 3, byJurisdiction: false };
const REGION = { code: 'WB', name: 'Western Balkans', jurisdictions: ['AL', 'RS'] };
const value = (indicator: string, note: string | null = null) => ({ indicator, jurisdiction: null, period: '2026-Q3', value: 15, suppressed: false, unit: 'people', note });

describe('the fields asked', () => {
  it('are the indicator fields the committed supergraph has on Region, each with its subgraph', () => {
    const fields = indicatorFieldsOf(SUPERGRAPH);
    expect(fields.get('identification')).toBe('victims');
    expect(fields.get('accreditation')).toBe('training');
  });

  it('take up a field another subgraph adds to Region, with no change here', () => {
    const composed = SUPERGRAPH.replace(/(type Region\n[\s\S]*?\{\n)/, '$1  legalAid(byJurisdiction: Boolean = false, period: PeriodInput!): [IndicatorValue!]! @join__field(graph: LEGAL_AID)\n');
    expect(indicatorFieldsOf(composed).get('legalAid')).toBe('legal-aid');
    const query = indicatorsQuery(indicatorFieldsOf(composed).keys());
    expect(() => parse(query)).not.toThrow();
    expect(query).toContain('legalAid: region(code: $code) { legalAid(period: $period, byJurisdiction: $byJurisdiction)');
  });
});

describe('the CSV', () => {
  it('quotes by RFC 4180 (commas, quotes, line breaks), leaves a null empty, ends lines in CRLF', () => {
    const csv = toCsv({ region: REGION, period: '2026-Q3', byJurisdiction: false, indicators: { accreditation: [value('A', 'role: JUDGE, "senior"\nbench'), { ...value('B'), value: null, suppressed: true }] } });
    expect(csv).toBe(
      'region,field,indicator,jurisdiction,period,value,suppressed,unit,note\r\n' +
        'WB,accreditation,A,,2026-Q3,15,false,people,"role: JUDGE, ""senior""\nbench"\r\n' +
        'WB,accreditation,B,,2026-Q3,,true,people,\r\n',
    );
  });
});

describe("the pipeline's answer", () => {
  const fields = new Map([['identification', 'victims'], ['accreditation', 'training']]);
  const refusal = (result: Parameters<typeof answerOf>[2]) => {
    try {
      answerOf(ASKED, fields, result);
    } catch (error) {
      if (error instanceof Refusal) return { status: error.status, errors: error.errors };
    }
    throw new Error('not refused');
  };

  it("a subgraph's period check names the download's parameter, once however many subgraphs said it", () => {
    const error = { message: 'period.quarter: must be 1, 2, 3 or 4 for a QUARTER', extensions: { code: 'BAD_USER_INPUT', field: 'period.quarter', fields: [{ path: 'period.quarter', message: 'must be 1, 2, 3 or 4 for a QUARTER' }] } };
    expect(refusal({ data: { region: REGION, identification: null, accreditation: null }, errors: [error, error] })).toEqual({
      status: 400,
      errors: [{ message: 'quarter: must be 1, 2, 3 or 4 for a QUARTER', extensions: { code: 'BAD_USER_INPUT', field: 'quarter', fields: [{ path: 'quarter', message: 'must be 1, 2, 3 or 4 for a QUARTER' }] } }],
    });
  });

  it('the wrong request outranks the entitlement: 400 before 401 before 403', () => {
    const errors = [{ message: 'no', extensions: { code: 'FORBIDDEN' } }, { message: 'token', extensions: { code: 'UNAUTHENTICATED' } }];
    expect(refusal({ data: null, errors }).status).toBe(401);
    expect(refusal({ data: null, errors: [...errors, { message: 'year', extensions: { code: 'BAD_USER_INPUT' } }] }).status).toBe(400);
  });

  it('an unknown region is 404; the region itself unanswered is 503; every field unanswered is 503', () => {
    expect(refusal({ data: { region: null, identification: null, accreditation: null } }).status).toBe(404);
    expect(refusal({ data: { region: null }, errors: [{ message: 'The victims service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }).status).toBe(503);
    expect(refusal({ data: { region: REGION, identification: null, accreditation: null }, errors: [{ message: 'x', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }).status).toBe(503);
  });

  it('one field unanswered: the others served, the missing one named with its service', () => {
    const answer = answerOf(ASKED, fields, { data: { region: REGION, identification: { identification: [value('PRESUMED_VICTIMS')] }, accreditation: null }, errors: [{ message: 'The training service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'training' } }] });
    expect(answer.indicators).toEqual({ identification: [value('PRESUMED_VICTIMS')] });
    expect(answer.errors).toEqual([{ message: expect.stringMatching(/^accreditation is missing/), extensions: { code: 'SERVICE_UNAVAILABLE', field: 'accreditation', serviceName: 'training' } }]);
  });
});
