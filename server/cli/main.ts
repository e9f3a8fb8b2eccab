import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { gcCommand, tokensCommand, usersCommand } from './commands/admin.ts';
import { artifactsCommand } from './commands/artifacts.ts';
import { serverCommands } from './commands/server.ts';
import { experimentsCommand, metricsCommand, runsCommand } from './commands/tracking.ts';
import { describeError } from './output.ts';
import type { LoadServerTools } from './server-tools.ts';

/**
 * Builds the `trackql` command; `root` is the checkout (for `trackql server`), `tools` loads what
 * the server-side commands run.
 */
export function program(root: string, tools: LoadServerTools): Command {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const p = new Command('trackql')
    .description('trackql: experiment tracking server and client (MLflow semantics)')
    .version(version)
    .showHelpAfterError()
    .exitOverride();
  serverCommands(p, root, tools);
  experimentsCommand(p);
  runsCommand(p);
  metricsCommand(p);
  artifactsCommand(p);
  gcCommand(p);
  usersCommand(p);
  tokensCommand(p);
  return p;
}

/**
 * Runs `trackql` with `argv` (without node and the script); resolves to the exit status: 0, or 1
 * after printing `trackql: <code>: <message>` on stderr.
 */
export async function run(argv: string[], root: string, tools: LoadServerTools): Promise<number> {
  try {
    await program(root, tools).parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode; // commander printed it already
    process.stderr.write(`${describeError(err)}\n`);
    return 1;
  }
}
