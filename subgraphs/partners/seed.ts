import type { Connection } from 'mongoose';

/** No demo subscriptions: a partner makes its own (its secret is shown to it once). */
export async function seedPartners(_connection: Connection): Promise<boolean> {
  return false;
}
