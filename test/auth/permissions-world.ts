import { ADMIN, authOn, basic } from '../helpers/auth.ts';
import { seedExperiment, seedModel, seedRun } from '../helpers/seed.ts';
import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app.ts';

/** Users with a grant on the private experiment (`dflt` has none: the default applies). */
export const GRANTED = {
  none: 'NO_PERMISSIONS',
  reader: 'READ',
  editor: 'EDIT',
  manager: 'MANAGE',
} as const;
export type Role = keyof typeof GRANTED | 'dflt' | 'admin';
export const ROLES: Role[] = ['none', 'reader', 'editor', 'manager', 'dflt', 'admin'];

/** A server with authentication on, users at every level, and data to reach. */
export interface World {
  t: TestApp;
  /** `Authorization` header of each role. */
  auth: Record<Role, string>;
  /** The experiment the grants are on, with a run (metric `acc`), a logged model and a trace. */
  exp: string;
  run: string;
  model: string;
  trace: string;
  /** An experiment without grants, with a run. */
  open: string;
  openRun: string;
  /** Runs a GraphQL document as `role`. */
  as<R = Record<string, unknown>>(
    role: Role,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<R>>;
  close(): Promise<void>;
}

/** The error code of a mutation result member or of the response's first error. */
export function codeOf(res: GraphQLResponse<Record<string, unknown>>, field: string): string {
  const top = res.errors?.[0]?.extensions?.code;
  if (typeof top === 'string') return top;
  const member = res.data?.[field] as { __typename?: string; code?: string } | undefined;
  return member?.code ?? member?.__typename ?? 'none';
}

/**
 * Builds the world on a fresh database: the admin creates the users, the data and the grants.
 *
 * @param env extra settings, e.g. `TRACKQL_DEFAULT_PERMISSION`.
 */
export async function buildWorld(env: NodeJS.ProcessEnv = {}): Promise<World> {
  const adminAuth = basic(ADMIN.username, ADMIN.password);
  const t = await createTestApp({ config: authOn(env), authorization: adminAuth });
  const auth = { admin: adminAuth } as Record<Role, string>;
  const as = <R>(role: Role, query: string, variables?: Record<string, unknown>) =>
    t.executeRaw<R, Record<string, unknown> | undefined>(query, variables, {
      authorization: auth[role],
    });
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const password = `pw-${role}-123`;
    const res = await t.executeRaw<{ createUser: { __typename: string } }, unknown>(
      `mutation($u: String!, $p: String!) { createUser(input: { username: $u, password: $p }) { __typename } }`,
      { u: role, p: password },
    );
    if (res.data?.createUser.__typename !== 'CreateUserSuccess') throw new Error('no user');
    auth[role] = basic(role, password);
  }
  const exp = await seedExperiment(t);
  const run = await seedRun(t, exp);
  await t.executeRaw(
    `mutation($r: String!) { logMetric(input: { runId: $r, key: "acc", value: 0.5, step: 0 }) { __typename } }`,
    { r: run },
  );
  const model = await seedModel(t, exp);
  const traced = await t.executeRaw<
    { logTrace: { trace?: { traceId: string } } },
    Record<string, unknown>
  >(
    `mutation($e: String!) { logTrace(input: { experimentId: $e }) { ... on LogTraceSuccess { trace { traceId } } } }`,
    { e: exp },
  );
  const trace = traced.data?.logTrace.trace?.traceId;
  if (!trace) throw new Error(`no trace: ${JSON.stringify(traced)}`);
  for (const [username, permission] of Object.entries(GRANTED)) {
    const res = await t.executeRaw<{ setExperimentPermission: { __typename: string } }, unknown>(
      `mutation($e: String!, $u: String!, $p: Permission!) {
         setExperimentPermission(input: { experimentId: $e, username: $u, permission: $p }) { __typename }
       }`,
      { e: exp, u: username, p: permission },
    );
    if (res.data?.setExperimentPermission.__typename !== 'SetExperimentPermissionSuccess') {
      throw new Error(`grant failed: ${JSON.stringify(res)}`);
    }
  }
  const open = await seedExperiment(t);
  const openRun = await seedRun(t, open);
  return { t, auth, exp, run, model, trace, open, openRun, as, close: () => t.close() };
}
