import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { ADMIN, authOn, basic } from './auth.ts';
import { uniqueName } from './seed.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** An audit event as the tests read it (detail parsed). */
export interface AuditEventView {
  action: string;
  actor: string | null;
  entityId: string;
  detail: Record<string, unknown> | null;
}

/** A page of `auditEvents`. */
export interface AuditPage {
  auditEvents: {
    edges: { node: Omit<AuditEventView, 'detail'> & { detail: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const AUDIT = `query($type: String, $id: String, $first: Int, $after: String) {
  auditEvents(entityType: $type, entityId: $id, first: $first, after: $after) {
    edges { node { action actor entityId detail } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A statement that only writes an audit row (rather than carrying it beside its change). */
export const standaloneAudit = (sql: string) => /^\s*insert into audit_events/i.test(sql);

/** A time in ns as a decimal string, `ms` after 1_700_000_000_000 ms. */
export const ns = (ms: number) => `${BigInt(1_700_000_000_000 + ms) * 1_000_000n}`;

/** `bytes` random bytes as hex. */
export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * A server with authentication on and a user `alice` who makes the changes (the admin reads the
 * log), with helpers to change things as alice over GraphQL and REST and read the audit log.
 * Call at the top of a `describe`: it registers the set-up and tear-down.
 */
export function auditWorld() {
  let t: TestApp;
  let base: string;
  const admin = basic(ADMIN.username, ADMIN.password);
  const alice = basic('alice', 'alice-password-1');

  beforeAll(async () => {
    t = await createTestApp({ config: authOn(), authorization: alice });
    const made = await t.executeRaw(
      `mutation { createUser(input: { username: "alice", password: "alice-password-1" }) { __typename } }`,
      {},
      { authorization: admin },
    );
    expect(made.errors).toBeUndefined();
    base = (await t.listen()).replace(/\/graphql$/, '');
  });
  afterAll(() => t?.close());

  /** Runs a mutation as alice and returns the `__typename` of its one result field. */
  async function gql(query: string, variables: Record<string, unknown> = {}): Promise<string> {
    const res = await t.executeRaw<Record<string, { __typename: string }>, unknown>(
      query,
      variables,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data!)[0]!.__typename;
  }

  async function data<R>(query: string, variables: Record<string, unknown> = {}): Promise<R> {
    const res = await t.executeRaw<R, unknown>(query, variables);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  }

  /** A REST call as alice; returns the status and the parsed body. */
  async function rest(method: string, path: string, body?: unknown, headers = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: alice, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text };
  }

  /** The audit events of one entity, newest first (read by the admin). */
  async function events(type: string, id: string): Promise<AuditEventView[]> {
    const res = await t.executeRaw<AuditPage, unknown>(
      AUDIT,
      { type, id, first: 100 },
      { authorization: admin },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.auditEvents.edges.map(({ node }) => ({
      ...node,
      detail: node.detail === null ? null : JSON.parse(node.detail),
    }));
  }

  const actions = async (type: string, id: string) => (await events(type, id)).map((e) => e.action);

  async function newExperiment(): Promise<string> {
    const r = await data<{ createExperiment: { experiment: { experimentId: string } } }>(
      `mutation($n: String!) { createExperiment(input: { name: $n }) { ... on CreateExperimentSuccess { experiment { experimentId } } } }`,
      { n: uniqueName() },
    );
    return r.createExperiment.experiment.experimentId;
  }

  async function newRun(experimentId: string): Promise<string> {
    const r = await data<{ createRun: { run: { runId: string } } }>(
      `mutation($e: String!) { createRun(input: { experimentId: $e }) { ... on CreateRunSuccess { run { runId } } } }`,
      { e: experimentId },
    );
    return r.createRun.run.runId;
  }

  return {
    get t() {
      return t;
    },
    admin,
    gql,
    data,
    rest,
    events,
    actions,
    newExperiment,
    newRun,
  };
}
