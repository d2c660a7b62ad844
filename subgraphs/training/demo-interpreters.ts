import type { ProgramRecord } from './models';
import { Competency, PractitionerRole } from './schema/vocabulary';

/**
 * The demo legal translation programs (one per body) and what the seed makes of the
 * interpreters certified in them (subgraphs/common/demo.ts `DEMO_INTERPRETER_CERTIFICATES`):
 * a certificate of a program whose modules build LEGAL_TRANSLATION, held by an
 * INTERPRETER, is what the proceedings subgraph asks of a translator.
 */

export function legalTranslationProgram(bodyId: string): ProgramRecord {
  const code = `${bodyId}-LT-301`;
  const module = (n: number, title: string, hours: number, competency: Competency) => ({ code: `${code}-M${n}`, title, hours, competency });
  return {
    _id: code,
    title: 'Legal Translation and Interpreting in Trafficking Proceedings',
    bodyId,
    passingScore: 80,
    modules: [
      module(1, 'Translating court documents: terminology, certification and fidelity', 16, Competency.LEGAL_TRANSLATION),
      module(2, 'Interpreting for victims: confidentiality, neutrality and trauma', 8, Competency.VICTIM_RIGHTS),
      module(3, 'Legal systems and cultures of the region', 6, Competency.CULTURAL_COMPETENCE),
    ],
    requiredFor: [PractitionerRole.INTERPRETER],
  };
}

/** Days before the seed's clock each demo interpreter's certificate was issued, and for how many months: the EXPIRED one's ran out. */
export const ISSUED = { VALID: { daysAgo: 120, months: 36 }, SUSPENDED: { daysAgo: 200, months: 36 }, REVOKED: { daysAgo: 300, months: 36 }, EXPIRED: { daysAgo: 1_000, months: 24 } } as const;
