import { consentCovers, consentIsActive } from '../access';
import type { ConsentRecord } from '../models';
import { consentsShownTo } from './consent';

// Consent rules without HTTP: when a consent applies, what it covers, and what another
// jurisdiction sees of a victim's consents.

const now = new Date('2026-06-01T12:00:00Z');
const consent = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  _id: 'c1',
  victimId: 'v1',
  categories: ['IDENTITY', 'CONTACT'],
  granteeJurisdictions: ['AT', 'IT'],
  purposes: ['VICTIM_SUPPORT'],
  note: 'repatriation planning',
  grantedBy: 'sw-1',
  grantedAt: new Date('2026-01-01T00:00:00Z'),
  expiresAt: null,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});

describe('a consent applies', () => {
  it('until withdrawn or expired (expiring at the instant means expired)', () => {
    expect(consentIsActive(consent(), now)).toBe(true);
    expect(consentIsActive(consent({ expiresAt: new Date(now.getTime() + 1) }), now)).toBe(true);
    expect(consentIsActive(consent({ expiresAt: now }), now)).toBe(false);
    expect(consentIsActive(consent({ withdrawnAt: new Date('2026-05-01T00:00:00Z') }), now)).toBe(false);
  });

  it('to its categories and its grantee jurisdictions only', () => {
    expect(consentCovers(consent(), 'IDENTITY', 'AT', now)).toBe(true);
    expect(consentCovers(consent(), 'HEALTH', 'AT', now)).toBe(false);
    expect(consentCovers(consent(), 'IDENTITY', 'GR', now)).toBe(false);
    expect(consentCovers(consent({ withdrawnAt: now }), 'IDENTITY', 'AT', now)).toBe(false);
  });
});

/** What the test compares of each consent shown: id, active, grantees, who recorded it, the note. */
const view = (shown: object[]) => shown.map((c) => ['_id', 'active', 'granteeJurisdictions', 'grantedBy', 'note'].map((k) => (c as Record<string, unknown>)[k]));

describe("a victim's consents as the caller sees them", () => {
  const victim = { jurisdiction: 'DE' };
  const consents = [consent(), consent({ _id: 'c2', granteeJurisdictions: ['GR'], expiresAt: now })];

  it('all of them, whole, for the own jurisdiction and its auditors', () => {
    for (const caller of [{ jurisdiction: 'DE', oversight: [] }, { jurisdiction: 'none', oversight: ['DE'] }]) {
      const shown = consentsShownTo(caller, victim, consents, now);
      expect(view(shown)).toEqual([
        ['c1', true, ['AT', 'IT'], 'sw-1', 'repatriation planning'],
        ['c2', false, ['GR'], 'sw-1', 'repatriation planning'],
      ]);
    }
  });

  it('for another jurisdiction only those naming it, narrowed to it, without who recorded them or the note', () => {
    const shown = consentsShownTo({ jurisdiction: 'IT', oversight: [] }, victim, consents, now);
    expect(view(shown)).toEqual([['c1', true, ['IT'], null, null]]);
    expect(consentsShownTo({ jurisdiction: 'AL', oversight: [] }, victim, consents, now)).toEqual([]);
  });
});
