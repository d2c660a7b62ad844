import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../scripts/compose';
import { ROOT } from '../platform/paths';

describe('committed schema', () => {
  it('matches what the code composes, and so does docs/access.md (run `npm run compose` after changing a type or its access)', async () => {
    const files = await composeSupergraph();
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(path.join(ROOT, name), 'utf8') }).toEqual({ name, content });
    }
  });
});
