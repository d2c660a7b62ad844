import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose';
import { ROOT } from '../../platform/paths';

describe('committed schema', () => {
  it('matches what the code composes, and so do docs/access.md and the index of the decisions (run `npm run compose` after changing a type, its access or a decision)', async () => {
    const files = await composeSupergraph();
    for (const [name, content] of Object.entries(files)) {
      expect({ name, content: readFileSync(path.join(ROOT, name), 'utf8') }).toEqual({ name, content });
    }
  });
});
