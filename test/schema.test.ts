import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../scripts/compose';
import { SCHEMA_DIR } from '../platform/paths';

describe('committed schema', () => {
  it('matches what the code composes (run `npm run compose` after changing a type)', async () => {
    const files = await composeSupergraph();
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(path.join(SCHEMA_DIR, name), 'utf8') }).toEqual({ name, content });
    }
  });
});
