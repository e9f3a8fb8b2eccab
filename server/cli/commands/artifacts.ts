import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { TransferOptions } from '@trackql/node';
import type { Command } from 'commander';
import { clientFor, connectionOptions } from '../connection.ts';
import { formatJson, formatTable } from '../output.ts';

/** Transfers draw a progress bar on stderr when it is a terminal, whatever their size. */
const transfer = (): TransferOptions => ({ progressBar: process.stderr.isTTY === true });

/** `artifacts upload|download|list`. */
export function artifactsCommand(program: Command): void {
  const cmd = program
    .command('artifacts')
    .description("upload, download and list a run's artifacts");
  connectionOptions(cmd.command('upload').description('upload a local file or folder'))
    .requiredOption('--run <runId>', 'run id')
    .argument('<localPath>', 'file or folder to upload')
    .option('--artifact-path <path>', 'run-relative folder to put it in (default: the root)')
    .action(async (localPath: string, o, c: Command) => {
      const client = clientFor(c, { transfers: true });
      const isDir = (await stat(localPath)).isDirectory();
      const stored = isDir
        ? await client.logArtifacts(o.run, localPath, o.artifactPath, transfer())
        : [await client.logArtifact(o.run, localPath, o.artifactPath, transfer())];
      for (const f of stored) process.stdout.write(`${f.path}\t${f.size}\t${f.sha256}\n`);
    });
  connectionOptions(
    cmd.command('download').description('download a file or folder (default: everything)'),
  )
    .requiredOption('--run <runId>', 'run id')
    .option('--path <path>', 'run-relative file or folder', '')
    .option('--dest <dir>', 'local destination', '.')
    .action(async (o, c: Command) => {
      const local = await clientFor(c, { transfers: true }).downloadArtifacts(
        o.run,
        o.path,
        path.resolve(o.dest),
        transfer(),
      );
      process.stdout.write(`${local}\n`);
    });
  connectionOptions(cmd.command('list').description('list an artifact folder'))
    .requiredOption('--run <runId>', 'run id')
    .option('--path <path>', 'run-relative folder', '')
    .option('--output <format>', 'table or json', 'table')
    .action(async (o, c: Command) => {
      const entries = await clientFor(c, { transfers: true }).listArtifacts(o.run, o.path);
      process.stdout.write(
        `${
          o.output === 'json'
            ? formatJson(entries)
            : formatTable(
                ['path', 'isDir', 'fileSize', 'sha256'],
                entries.map((e) => ({ ...e })),
              )
        }\n`,
      );
    });
}
