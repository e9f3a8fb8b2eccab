import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Node flags of `npm start`, read from package.json, so tests and benchmarks run what users run. */
export const START_ARGS: string[] = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start
  .split(' ')
  .filter((arg) => arg.startsWith('--'));
