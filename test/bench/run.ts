import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs every `test/bench/*.bench.ts` (or those whose names contain an argument) one after another,
 * each in its own process; each prints its figures as JSON lines.
 */
const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const file of files) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], {
    stdio: 'inherit',
  });
  if (res.status !== 0) {
    failed++;
    process.stderr.write(`${file} failed with exit code ${res.status}\n`);
  }
}
process.exit(failed === 0 ? 0 : 1);
