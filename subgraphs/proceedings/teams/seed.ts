import type { TeamRecord } from './models';

const DAY = 86_400_000;
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * Five demo joint investigation teams over the demo proceedings: three active, one
 * waiting for a party to join, one expired. Members are the development tokens' default
 * subjects (`<role>@<jurisdiction>.example`, scripts/development/dev-issuer.ts), so a token minted with
 * `npm run token -- --role prosecutor --jurisdiction AT` is a member of the DE–AT team and
 * reads its linked German proceeding.
 */
export function demoTeams(proceedings: Array<{ _id: string; jurisdiction: string }>, now: Date, stableId: (kind: string, i: number) => string): TeamRecord[] {
  const t = now.getTime();
  const plans = [
    { name: 'JIT Danube', parties: ['DE', 'AT'], purpose: 'Labour exploitation in meat processing and construction across the Austrian–German border', from: -120, to: 245, joined: 2 },
    { name: 'JIT Adriatic', parties: ['AL', 'IT'], purpose: 'Recruitment of young women for sexual exploitation through fake job offers', from: -60, to: 305, joined: 2 },
    { name: 'JIT Vardar', parties: ['RS', 'GR', 'DE'], purpose: 'Smuggling routes turned into trafficking for forced criminality', from: -30, to: 335, joined: 3 },
    { name: 'JIT Ionian', parties: ['IT', 'GR'], purpose: 'Forced labour of seasonal agricultural workers', from: 7, to: 372, joined: 1 },
    { name: 'JIT Shkodra', parties: ['AL', 'RS'], purpose: 'Child trafficking for forced begging', from: -500, to: -135, joined: 2 },
  ];
  return plans.map((plan, i) => {
    const joined = plan.parties.slice(0, plan.joined);
    const createdAt = new Date(t + (plan.from - 14) * DAY);
    const member = (role: string, jurisdiction: string) => ({ sub: `${role}@${jurisdiction.toLowerCase()}.example`, role, jurisdiction, addedAt: createdAt, addedBy: 'seed' });
    return {
      _id: stableId('team', i),
      name: plan.name,
      parties: plan.parties,
      purpose: plan.purpose,
      startsOn: day(t + plan.from * DAY),
      endsOn: day(t + plan.to * DAY),
      extensions: [],
      leaders: joined.map((jurisdiction) => ({ jurisdiction, sub: `prosecutor@${jurisdiction.toLowerCase()}.example`, joinedAt: createdAt })),
      members: joined.flatMap((jurisdiction) => [member('prosecutor', jurisdiction), member('law_enforcement', jurisdiction)]),
      proceedingIds: joined.flatMap((jurisdiction) => proceedings.find((p) => p.jurisdiction === jurisdiction)?._id ?? []),
      createdAt,
      createdBy: `prosecutor@${plan.parties[0].toLowerCase()}.example`,
      closedAt: null,
      closingReason: null,
    };
  });
}
