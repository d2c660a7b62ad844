import { badInput, conflict, forbidden, unavailable } from '../../../../platform/errors';
import { visibleOnly } from '../../../common/access';
import { ConsentUnavailable } from '../../../common/consents';
import { PeerUnavailable } from '../../../common/peers';
import type { Entity } from '../../../common/storage';
import { checkAll, newId, recordId, text } from '../../../common/validate';
import type { ProceedingContext, ProceedingRecord } from '../../models';
import { witnessAccess } from '../access';
import type { WitnessDoc, WitnessRecord } from '../models';
import { ageGroupOfWitness, labelOf } from './rules';

/**
 * The proceeding's victims as witnesses (decision 117). Their profile (age group, gender)
 * is taken at a judge's step — appointing counsel, or ordering a witness's identity
 * disclosed — through the victims subgraph's entity resolver with the judge's own token
 * (it decides and logs the read as hers), once per victim and proceeding, and kept as the
 * court's record. Her identity is taken only at the order, for that one witness.
 */

const WITNESS_FIELDS = ['proceedingId', 'label', 'ageGroup', 'gender'];

/**
 * Records the profiles of the proceeding's victims not yet recorded as witnesses, as part
 * of the step `action`. The profiles are all read before anything is written: when the
 * victims subgraph cannot answer, nothing is.
 */
export async function recordWitnesses(ctx: ProceedingContext, proceeding: Entity<ProceedingRecord>, action: string): Promise<WitnessDoc[]> {
  const { witnesses } = ctx.models;
  return witnesses.lists.exclusive(`defence/witnesses/${proceeding.id}`, async () => {
    const recorded = await witnesses.loaderBy('proceeding').load(proceeding.id);
    const missing = proceeding.victimIds.filter((victimId) => !recorded.some((w) => w.victimId === victimId));
    let profiles;
    try {
      profiles = await Promise.all(missing.map((victimId) => ctx.consents.caseOf(victimId)));
    } catch (error) {
      if (error instanceof ConsentUnavailable) throw unavailable(`The witnesses' profiles could not be taken (nothing was changed): ${error.message}`);
      throw error;
    }
    const made: WitnessDoc[] = [];
    for (const [i, victimId] of missing.entries()) {
      const _id = newId();
      const record: WitnessRecord = {
        _id,
        proceedingId: proceeding.id,
        jurisdiction: proceeding.jurisdiction,
        victimId,
        label: labelOf(proceeding.victimIds, victimId),
        // A victim the judge may not see (of another jurisdiction, no consent): recorded without a profile.
        ageGroup: ageGroupOfWitness(profiles[i]?.ageGroup ?? null),
        gender: profiles[i]?.gender ?? null,
        recordedAt: ctx.now,
        recordedBy: ctx.caller!.sub,
        identity: null,
        identityOrder: null,
      };
      made.push(await ctx.audit.change(action, 'Witness', _id, WITNESS_FIELDS, () => witnesses.create(record)));
    }
    return [...recorded, ...made];
  });
}

const IDENTITY_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Victim { legalName dateOfBirth } } }`;

/** Her name and date of birth, read from the victims subgraph with the judge's token (decided and logged there as the judge's read). */
async function identityOf(ctx: ProceedingContext, victimId: string, label: string): Promise<{ name: string; dateOfBirth: string | null }> {
  let answer;
  try {
    answer = await ctx.peers.query<{ _entities: Array<{ legalName: string | null; dateOfBirth: string | null } | null> }>('victims', IDENTITY_QUERY, { r: [{ __typename: 'Victim', id: victimId }] });
  } catch (error) {
    if (error instanceof PeerUnavailable) throw unavailable(`The identity of ${label} could not be taken (nothing was changed): ${error.message}`);
    throw error;
  }
  const refusal = answer.errors.find((e) => e.extensions?.code === 'FORBIDDEN') ?? answer.errors[0];
  if (refusal) throw forbidden(`The identity of ${label} is not shown to you by the victims subgraph, so it cannot be disclosed (nothing was changed): ${refusal.message}`);
  const victim = answer.data?._entities?.[0] ?? null;
  if (!victim) throw forbidden(`The victim ${label} stands for is not shown to you by the victims subgraph, so her identity cannot be disclosed (nothing was changed)`);
  if (!victim.legalName) throw conflict(`No identity of ${label} is recorded (it may have been erased): nothing was disclosed`, 'witness');
  return { name: victim.legalName, dateOfBirth: victim.dateOfBirth };
}

/**
 * A judge orders one witness's identity disclosed to the defence, with reasons: her name
 * and date of birth are taken now with the judge's token and kept with the order; from
 * then on the proceeding's appointed counsel read them (each read audited as DEFENCE).
 */
export async function orderWitnessIdentityDisclosure(ctx: ProceedingContext, proceedingId: string, witness: string, reasons: string): Promise<WitnessDoc> {
  const proceeding = (await ctx.loaders.proceeding.load(recordId(proceedingId, 'proceedingId')))!; // the rule found it
  const checked = await checkAll({
    witness: () => {
      const label = text(witness, 'witness', { max: 20 });
      if (!proceeding.victimIds.some((victimId) => labelOf(proceeding.victimIds, victimId) === label)) {
        throw badInput('witness', `is not a witness of this proceeding: its witnesses are ${proceeding.victimIds.map((v) => labelOf(proceeding.victimIds, v)).join(', ') || 'none'}`);
      }
      return label;
    },
    reasons: () => text(reasons, 'reasons', { max: 2000 }),
  });
  const changed = ['identity', 'identityDisclosedAt', 'identityDisclosureReasons'];
  // Refused for want of a purpose as the change itself would be, before her identity is asked for.
  ctx.audit.needsPurposeToChange('Witness', changed);
  const victimId = proceeding.victimIds.find((v) => labelOf(proceeding.victimIds, v) === checked.witness)!;
  const ordered = (await ctx.loaders.witnessesOfProceeding.load(proceeding.id)).find((w) => w.victimId === victimId)?.identityOrder;
  if (ordered) throw badInput('witness', `her identity was already ordered disclosed on ${ordered.orderedAt.toISOString()}`);
  // Read before anything is written: a refusal or a silent victims subgraph leaves everything as it was.
  const identity = await identityOf(ctx, victimId, checked.witness);
  const target = (await recordWitnesses(ctx, proceeding, 'WITNESS_IDENTITY_DISCLOSURE_ORDERED')).find((w) => w.victimId === victimId)!;
  return ctx.audit.change('WITNESS_IDENTITY_DISCLOSURE_ORDERED', 'Witness', target.id, changed, async () =>
    (await ctx.models.witnesses.update(target.id, (current) => {
      if (current.identityOrder) throw badInput('witness', `her identity was already ordered disclosed on ${current.identityOrder.orderedAt.toISOString()}`);
      return { identity, identityOrder: { orderedAt: ctx.now, orderedBy: ctx.caller!.sub, reasons: checked.reasons } };
    }))!,
  );
}

/** Proceeding.witnesses: those the caller may know of, W-1 first. */
export async function witnessesOf(ctx: ProceedingContext, proceedingId: string): Promise<WitnessDoc[]> {
  const all = await ctx.loaders.witnessesOfProceeding.load(proceedingId);
  const ordered = [...all].sort((a, b) => Number(a.label.slice(2)) - Number(b.label.slice(2)));
  return visibleOnly(witnessAccess, ctx, ordered);
}
