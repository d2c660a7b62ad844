import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startHub, type TestHub } from './support/hub';
import { runSteps, stepsOf } from './support/walkthrough';

// Every guide in docs/guides/ runs as written, block after block, on a hub that starts
// empty (test/support/walkthrough.ts says how a block states who asks and what it keeps).

const GUIDES = path.join(__dirname, '..', 'docs', 'guides');
const guides = readdirSync(GUIDES).filter((f) => f.endsWith('.md') && f !== 'README.md');

test('there are guides, and every one has steps', () => {
  expect(guides.length).toBeGreaterThan(0);
  for (const guide of guides) expect(stepsOf(readFileSync(path.join(GUIDES, guide), 'utf8')).length).toBeGreaterThan(0);
});

describe.each(guides)('%s', (guide) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  test('runs as written', async () => {
    await runSteps(hub, stepsOf(readFileSync(path.join(GUIDES, guide), 'utf8')), guide);
  }, 180_000);
});

test('a block names the token\'s sub and org, each without the comma that follows it', () => {
  const [step] = stepsOf('```graphql\n# as legal_aid_attorney of DE, sub anna@rechtshilfe.example, org DE-rechtshilfe\n{ me { subject } }\n```\n');
  expect(step.as).toEqual({ role: 'legal_aid_attorney', jurisdiction: 'DE', sub: 'anna@rechtshilfe.example', org: 'DE-rechtshilfe' });
});
