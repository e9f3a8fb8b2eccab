import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { LoadServerTools } from '../server-tools.ts';

/** Server flags and the environment variable each one sets (README's configuration table). */
const FLAGS = [
  ['--port <port>', 'HTTP port (0 picks a free one)', 'PORT', 'port'],
  ['--host <host>', 'interface to listen on', 'HOST', 'host'],
  [
    '--data-dir <dir>',
    'data folder: embedded database and default artifact root',
    'TRACKQL_DATA_DIR',
    'dataDir',
  ],
  [
    '--database-url <url>',
    'external PostgreSQL instead of the embedded one',
    'DATABASE_URL',
    'databaseUrl',
  ],
] as const;

function withFlags(cmd: Command, only: readonly string[]): Command {
  for (const [flag, help, env] of FLAGS) {
    if (only.includes(env)) cmd.option(flag, `${help} (sets ${env})`);
  }
  return cmd;
}

/** The environment with the given flags' variables set. */
function envOf(o: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const [, , name, key] of FLAGS) if (o[key] !== undefined) env[name] = o[key];
  return env;
}

/** `server` (what `npm start` runs) and `db migrate`. */
export function serverCommands(program: Command, root: string, tools: LoadServerTools): void {
  withFlags(
    program
      .command('server')
      .description(
        'start the trackql server (as npm start does; other settings from the environment)',
      ),
    ['PORT', 'HOST', 'TRACKQL_DATA_DIR', 'DATABASE_URL'],
  ).action(async (o) => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    // the same Node flags as `npm start`
    const flags = pkg.scripts.start.split(' ').filter((a) => a.startsWith('--'));
    // loaded here: the client commands never need it
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [...flags, path.join(root, 'server/scripts/start.mjs')], {
      env: envOf(o),
      stdio: 'inherit',
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => child.kill(signal));
    }
    const code = await new Promise<number>((resolve) =>
      child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))),
    );
    process.exitCode = code;
  });
  const db = program.command('db').description('database maintenance');
  withFlags(
    db.command('migrate').description('apply pending migrations (the server also does at start)'),
    ['TRACKQL_DATA_DIR', 'DATABASE_URL'],
  ).action(async (o) => {
    const applied = await (await tools()).migrate(envOf(o));
    process.stdout.write(`applied ${applied} migration(s)\n`);
  });
}
