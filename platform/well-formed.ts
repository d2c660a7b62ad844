import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Text in variables must be well-formed Unicode: a lone surrogate (half of a UTF-16 pair,
 * `"\ud800"` in JSON) is no character at all. Let through, it is stored as U+FFFD by the
 * database driver (silently changing what the caller sent) and breaks what encodes text
 * (`encodeURIComponent` throws URIError: an internal error, found by `npm run fuzz`).
 * GraphQL itself refuses it in a literal (graphql-js's lexer) but not in variables, so
 * the gateway and every subgraph refuse it here, before anything runs, naming the
 * variable and the path inside it, with HTTP 400.
 */
export const wellFormedText: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const at = illFormedAt(value, name);
          if (at !== null) {
            throw new GraphQLError(`Variable "$${name}" got text that is not well-formed Unicode at "${at}": a lone surrogate (half of a UTF-16 pair, no character)`, {
              extensions: { code: 'BAD_USER_INPUT', field: at, http: { status: 400 } },
            });
          }
        }
      },
    };
  },
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !LONE_SURROGATE.test(text); // String.prototype.isWellFormed is ES2024 (lib here: ES2022)

/** The path of the first string (value or key) in `value` that is not well-formed Unicode, or null. */
export function illFormedAt(value: unknown, at: string): string | null {
  if (typeof value === 'string') return wellFormed(value) ? null : at;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illFormedAt(item, `${at}[${i}]`);
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = wellFormed(key) ? illFormedAt(inner, `${at}.${key}`) : `${at}.${key.replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD')}`;
      if (found !== null) return found;
    }
  }
  return null;
}
