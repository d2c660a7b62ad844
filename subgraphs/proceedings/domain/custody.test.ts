import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../common/storage';
import { custodyChain, evidenceModels } from '../models';
import { CustodyAction, HandlingCode } from '../schema/vocabulary';
import { checkPresentable } from './custody';

// An item's chain of custody on the embedded database: events chained per item, and an
// edited, removed or reordered event found; H1 items presented only with permission.

let connection: Connection;
let models: ReturnType<typeof evidenceModels>;

beforeAll(async () => {
  connection = await connectDatabase(process.env.MONGODB_URI!, `custody_test_${randomBytes(4).toString('hex')}`);
  models = evidenceModels(connection, randomBytes(32).toString('hex'));
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

const event = (action: CustodyAction, from: string, to: string, note: string | null = null) => ({ action, fromCustodian: from, toCustodian: to, note, at: new Date('2030-01-01T00:00:00Z'), by: 'officer' });

describe('a chain of custody', () => {
  it('chains each item’s events on their own and verifies them', async () => {
    const [first] = await models.custody.append(custodyChain('item-a'), [event(CustodyAction.COLLECTED, 'scene', 'officer-a')]);
    const [second] = await models.custody.append(custodyChain('item-a'), [event(CustodyAction.TRANSFERRED, 'officer-a', 'lab-a')]);
    await models.custody.append(custodyChain('item-b'), [event(CustodyAction.COLLECTED, 'scene', 'officer-b')]);
    expect(second.prevHash).toBe(first.hash);
    expect(await models.custody.verify(custodyChain('item-a'))).toMatchObject({ valid: true, entries: 2, firstBrokenAt: null });
    expect(await models.custody.verify(custodyChain('item-b'))).toMatchObject({ valid: true, entries: 1, firstBrokenAt: null });
  });

  it('finds an edited event: who received the item, or the note', async () => {
    const chain = custodyChain('item-c');
    await models.custody.append(chain, [event(CustodyAction.COLLECTED, 'scene', 'officer-c'), event(CustodyAction.SEALED, 'officer-c', 'vault-c', 'bag 7')]);
    expect(await models.custody.verify(chain)).toMatchObject({ valid: true, entries: 2 });
    await connection.models.CustodyEvent.updateOne({ toCustodian: 'vault-c' }, { $set: { note: 'bag 8' } });
    expect(await models.custody.verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
    await connection.models.CustodyEvent.updateOne({ toCustodian: 'vault-c' }, { $set: { note: 'bag 7' } });
    expect(await models.custody.verify(chain)).toMatchObject({ valid: true });
    await connection.models.CustodyEvent.updateOne({ toCustodian: 'officer-c' }, { $set: { toCustodian: 'someone-else' } });
    expect(await models.custody.verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 1 });
  });

  it('finds a removed event', async () => {
    const chain = custodyChain('item-d');
    await models.custody.append(chain, [event(CustodyAction.COLLECTED, 'scene', 'officer-d'), event(CustodyAction.ANALYZED, 'officer-d', 'lab-d'), event(CustodyAction.RETURNED, 'lab-d', 'officer-d2')]);
    await connection.models.CustodyEvent.deleteOne({ toCustodian: 'lab-d' });
    expect(await models.custody.verify(chain)).toMatchObject({ valid: false, firstBrokenAt: 2 });
  });
});

describe('presenting an item in court', () => {
  it('is refused for H1 evidence without the provider’s permission', () => {
    expect(() => checkPresentable({ handlingCode: HandlingCode.H1, courtUse: null }, CustodyAction.PRESENTED)).toThrow(/H1 evidence is not presented in court without the provider’s permission/);
  });

  it('is allowed for H1 evidence with the permission, and for other codes', () => {
    const permission = { reference: 'EIO-2030-7', at: new Date(), by: 'prosecutor' };
    expect(checkPresentable({ handlingCode: HandlingCode.H1, courtUse: permission }, CustodyAction.PRESENTED)).toBe(CustodyAction.PRESENTED);
    for (const code of [HandlingCode.H0, HandlingCode.H2, HandlingCode.H3]) expect(checkPresentable({ handlingCode: code, courtUse: null }, CustodyAction.PRESENTED)).toBe(CustodyAction.PRESENTED);
  });

  it('does not concern other custody actions', () => {
    expect(checkPresentable({ handlingCode: HandlingCode.H1, courtUse: null }, CustodyAction.TRANSFERRED)).toBe(CustodyAction.TRANSFERRED);
  });
});
