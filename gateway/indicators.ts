import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError, Kind, parse, type ConstValueNode, type GraphQLFormattedError } from 'graphql';

/**
 * Regional indicators for spreadsheets and people (issue 26): `GET /indicators/<region>.csv`
 * and `.json` with `year`, `quarter` and `byJurisdiction`. Each download is one GraphQL
 * query run through the gateway's own pipeline (limits, cost, query plan, forwarding) with
 * the caller's own Authorization and X-Purpose, so every subgraph decides and audits it as
 * it would the same query sent to /graphql: yearly region values for anyone, quarterly or
 * per-jurisdiction ones for the roles its rules name (else 401/403 with their message).
 *
 * Every indicator field of `Region` is asked for under its own alias of `region(code)`:
 * the fields are non-null, so a subgraph that does not answer (or refuses) nulls only its
 * alias, and the others are still served; the missing one is named in the answer.
 */

/** The indicator fields issues 26 and 27 name, in the order they are shown; asked only when the supergraph has them. */
export const INDICATOR_FIELDS = ['identification', 'prosecution', 'protection', 'legalAid', 'reintegration', 'accreditation'] as const;

export interface IndicatorValue {
  indicator: string;
  jurisdiction: string | null;
  period: string;
  value: number | null;
  suppressed: boolean;
  unit: string;
  note: string | null;
}

export interface IndicatorsAsked {
  region: string;
  year: number;
  quarter: number | null;
  byJurisdiction: boolean;
}

/** What the gateway's pipeline answered (Apollo's executeOperation, single result). */
export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Runs one operation through the gateway's pipeline as the caller of `req` (server.ts); throws a GraphQLError for a bad token or header. */
export type RunAsCaller = (req: Request, res: Response, query: string, variables: Record<string, unknown>) => Promise<OperationResult>;

/**
 * The indicator fields the supergraph has on `Region`, each with the subgraph that
 * resolves it (`@join__field(graph: …)`, named by `@join__graph(name: …)`): a field added
 * by a subgraph is asked for once the supergraph is composed with it.
 */
export function indicatorFieldsOf(supergraphSdl: string): Map<string, string> {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const fieldGraphs = new Map<string, string>();
  const argument = (values: readonly { name: { value: string }; value: ConstValueNode }[] | undefined, name: string) => {
    const node = values?.find((a) => a.name.value === name)?.value;
    return node && (node.kind === Kind.STRING || node.kind === Kind.ENUM) ? node.value : undefined;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const name = argument(value.directives?.find((d) => d.name.value === 'join__graph')?.arguments, 'name');
        if (name) graphNames.set(value.name.value, name);
      }
    }
    if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Region') {
      for (const field of definition.fields ?? []) {
        fieldGraphs.set(field.name.value, argument(field.directives?.find((d) => d.name.value === 'join__field')?.arguments, 'graph') ?? '');
      }
    }
  }
  return new Map(INDICATOR_FIELDS.filter((f) => fieldGraphs.has(f)).map((f) => [f, graphNames.get(fieldGraphs.get(f)!) ?? f]));
}

/** The one query of a download: the region, then each indicator field under its own alias. */
export function indicatorsQuery(fields: Iterable<string>): string {
  const asked = [...fields].map((f) => `  ${f}: region(code: $code) { ${f}(period: $period, byJurisdiction: $byJurisdiction) { indicator jurisdiction period value suppressed unit note } }`);
  return `query RegionIndicators($code: String!, $period: PeriodInput!, $byJurisdiction: Boolean) {\n  region(code: $code) { code name jurisdictions }\n${asked.join('\n')}\n}`;
}

const PARAMETERS = ['year', 'quarter', 'byJurisdiction'];

/** A refusal of the download: an HTTP status and GraphQL-shaped errors, as /graphql answers. */
export class Refusal {
  constructor(
    readonly status: number,
    readonly errors: GraphQLFormattedError[],
  ) {}
}

const badParameter = (field: string, message: string) => new Refusal(400, [{ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } }]);

/** The query string checked: `year` (required), `quarter` (1–4, optional), `byJurisdiction` (true/false); anything else refused by name. */
export function askedFrom(region: string, query: Request['query']): IndicatorsAsked {
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.includes(name)) throw badParameter(name, `is not a parameter of this download (the parameters are ${PARAMETERS.join(', ')})`);
    if (typeof value !== 'string') throw badParameter(name, 'must be given once, as a plain value');
    given[name] = value.trim();
  }
  if (!given.year) throw badParameter('year', 'is required: a year between 2000 and 2100');
  // Whole numbers only here; their range is the subgraphs' period check (its message, naming the parameter).
  if (!/^\d{1,6}$/.test(given.year)) throw badParameter('year', 'must be a year between 2000 and 2100');
  if (given.quarter && !/^\d{1,6}$/.test(given.quarter)) throw badParameter('quarter', 'must be 1, 2, 3 or 4 for a QUARTER');
  if (given.byJurisdiction && !['true', 'false'].includes(given.byJurisdiction)) throw badParameter('byJurisdiction', 'must be true or false');
  return { region, year: Number(given.year), quarter: given.quarter ? Number(given.quarter) : null, byJurisdiction: given.byJurisdiction === 'true' };
}

export const periodLabel = (asked: IndicatorsAsked) => (asked.quarter === null ? String(asked.year) : `${asked.year}-Q${asked.quarter}`);

export interface IndicatorsAnswer {
  region: { code: string; name: string; jurisdictions: string[] };
  period: string;
  byJurisdiction: boolean;
  /** By field, in INDICATOR_FIELDS order: only the fields answered. */
  indicators: Record<string, IndicatorValue[]>;
  /** One per field not answered (its service unavailable), naming the field and the service. */
  errors?: GraphQLFormattedError[];
}

const ERROR_STATUS: Record<string, number> = { BAD_USER_INPUT: 400, COST_LIMIT_EXCEEDED: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** The pipeline's answer as a download: refused as the caller's request would be, else the values with the missing fields named. */
export function answerOf(asked: IndicatorsAsked, fields: Map<string, string>, result: OperationResult): IndicatorsAnswer {
  const errors = result.errors ?? [];
  // The caller's mistake or entitlement decides the whole download (the same for every subgraph: one platform rule).
  const refusing = errors.filter((e) => ERROR_STATUS[String(e.extensions?.code)] !== undefined);
  if (refusing.length > 0) {
    const status = Math.min(...refusing.map((e) => ERROR_STATUS[String(e.extensions!.code)]));
    const unique = new Map(refusing.filter((e) => ERROR_STATUS[String(e.extensions!.code)] === status).map((e) => [e.message, asParameters(e)]));
    throw new Refusal(status, [...unique.values()]);
  }
  const region = result.data?.region as IndicatorsAnswer['region'] | null | undefined;
  if (!region) {
    if (errors.length > 0) throw new Refusal(503, errors.map(({ message, extensions }) => ({ message, extensions })));
    throw new Refusal(404, [{ message: `No region ${asked.region}: the hub reports on no region of that code`, extensions: { code: 'NOT_FOUND', field: 'region' } }]);
  }
  const answer: IndicatorsAnswer = { region, period: periodLabel(asked), byJurisdiction: asked.byJurisdiction, indicators: {} };
  const missing: GraphQLFormattedError[] = [];
  for (const [field, service] of fields) {
    const values = (result.data?.[field] as Record<string, unknown> | null | undefined)?.[field] as IndicatorValue[] | undefined;
    if (values) answer.indicators[field] = values;
    else missing.push({ message: `${field} is missing from this answer: the ${service} service did not answer it; ask again later`, extensions: { code: 'SERVICE_UNAVAILABLE', field, serviceName: service } });
  }
  if (missing.length === fields.size && fields.size > 0) throw new Refusal(503, missing);
  if (missing.length > 0) answer.errors = missing;
  return answer;
}

/** A subgraph's BAD_USER_INPUT names `period.year`; the download's caller gave `year`. */
function asParameters(error: GraphQLFormattedError): GraphQLFormattedError {
  if (error.extensions?.code !== 'BAD_USER_INPUT') return { message: error.message, extensions: error.extensions };
  const rename = (s: string) => s.replace(/\bperiod\.(year|quarter)\b/g, '$1');
  const { field, fields } = error.extensions as { field?: string; fields?: Array<{ path: string; message: string }> };
  return { message: rename(error.message), extensions: { code: 'BAD_USER_INPUT', field: field && rename(field), fields: fields?.map((f) => ({ path: rename(f.path), message: f.message })) } };
}

export const CSV_COLUMNS = ['region', 'field', 'indicator', 'jurisdiction', 'period', 'value', 'suppressed', 'unit', 'note'];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; lines end in CRLF. */
const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(answer: IndicatorsAnswer): string {
  const rows = Object.entries(answer.indicators).flatMap(([field, values]) =>
    values.map((v) => [answer.region.code, field, v.indicator, v.jurisdiction, v.period, v.value, v.suppressed, v.unit, v.note]),
  );
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The path under /indicators as sent (not decoded, so no malformed percent-encoding can fail): a region code is letters.
export const DOWNLOAD = /^\/([^/]{1,64})\.(csv|json)$/;

/** Answers `GET /indicators/<region>.csv|json` (`req.path` relative to /indicators, matching DOWNLOAD). */
export function indicatorDownloads(fields: Map<string, string>, run: RunAsCaller): RequestHandler {
  const query = indicatorsQuery(fields.keys());
  return async (req, res, next) => {
    const [, region, format] = DOWNLOAD.exec(req.path)!;
    res.setHeader('Cache-Control', 'no-store'); // restricted views are the caller's own
    try {
      const asked = askedFrom(region, req.query);
      const period = asked.quarter === null ? { granularity: 'YEAR', year: asked.year } : { granularity: 'QUARTER', year: asked.year, quarter: asked.quarter };
      const answer = answerOf(asked, fields, await run(req, res, query, { code: asked.region, period, byJurisdiction: asked.byJurisdiction }));
      const filename = `indicators-${answer.region.code}-${answer.period}${asked.byJurisdiction ? '-by-jurisdiction' : ''}.${format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      if (answer.errors) res.setHeader('X-Indicators-Missing', answer.errors.map((e) => e.extensions!.field).join(', '));
      if (format === 'json') return void res.json(answer);
      res.type('text/csv; charset=utf-8; header=present').send(toCsv(answer));
    } catch (error) {
      if (error instanceof Refusal) return void res.status(error.status).json({ errors: error.errors });
      if (error instanceof GraphQLError) {
        // A bad token (401) or X-Purpose (400), refused as /graphql refuses them.
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
        return void res.status(status).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, ...(error.extensions.field ? { field: error.extensions.field } : {}) } }] });
      }
      next(error);
    }
  };
}
