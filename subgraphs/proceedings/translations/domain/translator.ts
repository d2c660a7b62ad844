import { badInput, unavailable } from '../../../../platform/errors';
import { PeerUnavailable } from '../../../common/peers';
import { text } from '../../../common/validate';
import type { ProceedingContext } from '../../models';

/**
 * A translator is a certificate code: interpreters are not callers of the hub (they have
 * no token), so a translation names the certificate that makes its translator fit to
 * translate for a court. Fit means, in the training subgraph's own terms and as its public
 * `verifyCertificate` answers now (asked with the caller's credentials, never read from
 * its database): VALID, held by an INTERPRETER, of a program whose modules build the
 * LEGAL_TRANSLATION competency. Anything else is refused naming what the certificate is;
 * when the training subgraph does not answer, nothing is assigned (never guessed).
 */

const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { code status scope { programCode programTitle role competencies } } }`;

interface Verification {
  code: string;
  status: 'VALID' | 'EXPIRED' | 'SUSPENDED' | 'REVOKED' | 'NOT_FOUND';
  scope: { programCode: string; programTitle: string; role: string; competencies: string[] } | null;
}

/** The training subgraph's words for a legal translation certificate. */
export const LEGAL_TRANSLATION = { role: 'INTERPRETER', competency: 'LEGAL_TRANSLATION' } as const;

const STATUS_WORDS: Record<Verification['status'], string> = {
  VALID: 'VALID',
  EXPIRED: 'EXPIRED',
  SUSPENDED: 'SUSPENDED',
  REVOKED: 'REVOKED',
  NOT_FOUND: 'unknown to every accreditation body (NOT_FOUND)',
};

/** The certificate code of a translator fit to translate for a court now, as the training subgraph answers (BAD_USER_INPUT naming `field` otherwise). */
export async function certifiedTranslator(ctx: ProceedingContext, code: unknown, field = 'translator'): Promise<string> {
  const typed = text(code, field, { max: 40 });
  let answer: Awaited<ReturnType<ProceedingContext['peers']['query']>>;
  try {
    answer = await ctx.peers.query<{ verifyCertificate: Verification | null }>('training', VERIFY, { code: typed });
  } catch (error) {
    if (error instanceof PeerUnavailable) throw unavailable(`Nothing was assigned: the translator's certificate could not be checked (${error.message})`);
    throw error;
  }
  // A mistyped code (its check character) is the training subgraph's BAD_USER_INPUT: the caller's input.
  const mistyped = answer.errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT');
  if (mistyped) throw badInput(field, `${typed}: ${mistyped.message}`);
  const verification = (answer.data as { verifyCertificate: Verification | null } | null)?.verifyCertificate;
  if (!verification) throw unavailable(`Nothing was assigned: the translator's certificate could not be checked (the training subgraph answered: ${answer.errors[0]?.message ?? 'nothing'})`);
  if (verification.status !== 'VALID') {
    throw badInput(field, `certificate ${verification.code} is ${STATUS_WORDS[verification.status]}: only a VALID legal translation certificate qualifies a translator`);
  }
  const scope = verification.scope;
  if (!scope || scope.role !== LEGAL_TRANSLATION.role || !scope.competencies.includes(LEGAL_TRANSLATION.competency)) {
    throw badInput(
      field,
      `certificate ${verification.code} is VALID but not of a legal translation program: ${scope?.programCode ?? 'its program'} (${scope?.programTitle ?? '?'}) certifies a ${scope?.role ?? '?'} in ${scope?.competencies.join(', ') || 'nothing'}, not an INTERPRETER in LEGAL_TRANSLATION`,
    );
  }
  return verification.code;
}
