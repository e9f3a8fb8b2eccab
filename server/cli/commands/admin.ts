import { InvalidValueError, operations } from '@trackql/node';
import type { Command } from 'commander';
import { clientFor, connectionOptions } from '../connection.ts';
import { parseDuration } from '../duration.ts';
import { formatJson, formatTable } from '../output.ts';

const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `gc`: permanently remove deleted runs and experiments (MLflow `mlflow gc`). */
export function gcCommand(program: Command): void {
  connectionOptions(
    program
      .command('gc')
      .description(
        'permanently remove deleted runs and experiments and their artifacts (admins only when authentication is on)',
      ),
  )
    .option(
      '--older-than <duration>',
      'only what was deleted at least this long ago, e.g. 30d, 1d2h, 90m',
      '0',
    )
    .option('--experiment-ids <ids>', 'only these deleted experiments (comma-separated)')
    .option('--run-ids <ids>', 'only these deleted runs (comma-separated)')
    .action(async (o, c: Command) => {
      const client = clientFor(c).client;
      const purged = operations.unwrap(
        await operations.purgeDeleted(client, {
          olderThanMs: parseDuration(o.olderThan),
          experimentIds: o.experimentIds === undefined ? null : list(o.experimentIds),
          runIds: o.runIds === undefined ? null : list(o.runIds),
        }),
      );
      for (const id of purged.runIds) process.stdout.write(`run ${id}\n`);
      for (const id of purged.experimentIds) process.stdout.write(`experiment ${id}\n`);
      process.stderr.write(
        `removed ${purged.runIds.length} run(s), ${purged.experimentIds.length} experiment(s), ${purged.artifactFiles} artifact file(s)\n`,
      );
    });
}

/** `users create|list` (admins). */
export function usersCommand(program: Command): void {
  const cmd = program.command('users').description('manage users (admins only)');
  connectionOptions(cmd.command('list').description('list users'))
    .option('--output <format>', 'table or json', 'table')
    .action(async (o, c: Command) => {
      const users = await operations.listUsers(clientFor(c).client);
      process.stdout.write(
        `${
          o.output === 'json'
            ? formatJson(users)
            : formatTable(
                ['username', 'isAdmin', 'userId', 'creationTime'],
                users.map((u) => ({ ...u, creationTime: iso(u.creationTime) })),
              )
        }\n`,
      );
    });
  connectionOptions(cmd.command('create').description('create a user'))
    .argument('<username>', 'login name')
    .option(
      '--password <password>',
      'password (8 to 1024 characters); default env TRACKQL_NEW_PASSWORD',
    )
    .option('--admin', 'make the user an admin', false)
    .action(async (username: string, o, c: Command) => {
      const password: string | undefined = o.password ?? process.env.TRACKQL_NEW_PASSWORD;
      if (!password) {
        throw new InvalidValueError(
          'password',
          'Give the password with --password or TRACKQL_NEW_PASSWORD',
        );
      }
      const user = operations.unwrap(
        await operations.createUser(clientFor(c).client, { username, password, isAdmin: o.admin }),
      );
      process.stdout.write(`${user.username}\n`);
    });
}

/** `tokens create|list|revoke`. */
export function tokensCommand(program: Command): void {
  const cmd = program.command('tokens').description('manage API tokens');
  connectionOptions(
    cmd.command('create').description('create an API token; prints its secret (shown once)'),
  )
    .requiredOption('--name <name>', 'what the token is for')
    .option('--user <username>', "another user's token (admins only)")
    .option('--expires-in <duration>', 'lifetime, e.g. 90d (default: never expires)')
    .action(async (o, c: Command) => {
      const expiresAt =
        o.expiresIn === undefined ? null : Date.now() + parseDuration(o.expiresIn, 'expires-in');
      const created = operations.unwrap(
        await operations.createApiToken(clientFor(c).client, {
          name: o.name,
          username: o.user ?? null,
          expiresAt,
        }),
      );
      process.stderr.write(`token ${created.token.id} for ${created.token.username}\n`);
      process.stdout.write(`${created.secret}\n`);
    });
  connectionOptions(cmd.command('list').description("list the caller's tokens (or a user's)"))
    .option('--user <username>', "another user's tokens (admins only)")
    .option('--output <format>', 'table or json', 'table')
    .action(async (o, c: Command) => {
      const tokens = await operations.listApiTokens(clientFor(c).client, o.user);
      const rows = tokens.map((t) => ({
        ...t,
        creationTime: iso(t.creationTime),
        expiresAt: iso(t.expiresAt),
        revokedAt: iso(t.revokedAt),
      }));
      process.stdout.write(
        `${o.output === 'json' ? formatJson(tokens) : formatTable(['id', 'name', 'username', 'creationTime', 'expiresAt', 'revokedAt'], rows)}\n`,
      );
    });
  connectionOptions(cmd.command('revoke').description('revoke a token at once'))
    .argument('<id>', 'token id (from tokens list)')
    .action(async (id: string, _o, c: Command) => {
      const token = operations.unwrap(await operations.revokeApiToken(clientFor(c).client, id));
      process.stdout.write(`revoked ${token.id}\n`);
    });
}
