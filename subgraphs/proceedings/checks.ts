import { GraphQLError } from 'graphql';
import { checkAll } from '../common/validate';

/**
 * What the proceedings inputs need besides `checkAll` (common/validate.ts): lists whose
 * every wrong item is named, and checks of one field that depend on another field.
 */

/** Each item of a list checked under its own path (`field[i]`): every wrong item is named, not only the first. */
export async function checkEach<T, R>(items: readonly T[], check: (item: T, i: number) => R): Promise<Array<Awaited<R>>> {
  const checked = await checkAll(Object.fromEntries(items.map((item, i) => [String(i), () => check(item, i)])));
  return items.map((_, i) => checked[String(i)] as Awaited<R>);
}

/**
 * The value of a field's check, or undefined when it is wrong: for a check of one field
 * that compares with another (endsOn after startsOn), where the other field's own entry
 * in `checkAll` names its problem, so it is not named twice.
 */
export function validOrUndefined<T>(check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') return undefined;
    throw error;
  }
}
