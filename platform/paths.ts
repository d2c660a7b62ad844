import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, whether running from sources (tests) or from dist/ (npm start). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const DATA_DIR = path.join(ROOT, '.data');
export const SCHEMA_DIR = path.join(ROOT, 'schema');
