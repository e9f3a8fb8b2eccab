import type { Server } from 'node:http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { inject } from 'vitest';
import { type App, createApp } from '../../server/app.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { initOrm } from '../../server/db/orm.ts';
import { createHttpServer } from '../../server/http-server.ts';
import { createLogger } from '../../server/logger.ts';
import { installTypeParsers } from '../../server/shared/db.ts';
import { attachWebSocket } from '../../server/ws.ts';
import { cloneTemplate } from '../setup/database.ts';

/** A GraphQL response as the server sent it. */
export interface GraphQLResponse<R> {
  data?: R | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** An app on its own cloned database, with helpers to call it. */
export interface TestApp {
  app: App;
  /** Every SQL statement run since the last `sql.length = 0`. */
  sql: string[];
  /** Executes a typed document through `yoga.fetch`; throws on GraphQL errors. */
  execute<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, call?: CallOptions): Promise<R>;
  /** Executes and returns the raw response, errors included. */
  executeRaw<R, V>(
    doc: TypedDocumentNode<R, V> | string,
    variables?: V,
    call?: CallOptions,
  ): Promise<GraphQLResponse<R>>;
  /** The database this app uses (another app may share it). */
  databaseUrl: string;
  /** Starts listening (HTTP, SSE and WebSocket) on a free loopback port; returns the GraphQL URL. */
  listen(): Promise<string>;
  /** Cuts every WebSocket connection, as a network failure would. */
  dropWebSockets(): void;
  close(): Promise<void>;
}

/** Per-call options of `execute`/`executeRaw`. */
export interface CallOptions {
  /** `Authorization` header for this call (overrides the app's default; `null` sends none). */
  authorization?: string | null;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options of {@link createTestApp}. */
export interface TestAppOptions {
  /**
   * Use this app's database instead of a fresh clone (two instances of one deployment), or any
   * database prepared by the test (which then drops it).
   */
  shareDatabaseWith?: Pick<TestApp, 'databaseUrl'>;
  /** Settings on top of the test defaults, e.g. `redisUrl` or subscription limits. */
  config?: Partial<Config>;
  /** `Authorization` header sent by `execute`/`executeRaw` unless a call says otherwise. */
  authorization?: string;
}

/** Builds the real app on a fresh database cloned from the migrated template. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  await installTypeParsers();
  const db = opts.shareDatabaseWith
    ? { url: opts.shareDatabaseWith.databaseUrl, drop: async () => {} }
    : await cloneTemplate(inject('baseUrl'), inject('template'));
  const sql: string[] = [];
  const onQuery = (s: string) => sql.push(s);
  const config: Config = {
    // the `stock-transport` test project turns the transport fast paths off
    ...loadConfig({ TRACKQL_TRANSPORT_FAST_PATHS: process.env.TRACKQL_TRANSPORT_FAST_PATHS }),
    databaseUrl: db.url,
    artifactRoot: '/tmp/trackql-test-artifacts',
    // tests pick their own folders under /tmp; test/server/security-artifacts.test.ts narrows this
    artifactAllowedRoots: ['/tmp'],
    ...opts.config,
  };
  const orm = await initOrm(db.url, {
    migrate: false,
    onQuery,
    poolSize: 5,
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const app = await createApp(
    orm,
    config,
    createLogger((process.env.TEST_LOG_LEVEL as 'error' | undefined) ?? 'silent'),
    { onQuery },
  );
  let server: Server | null = null;
  let webSocket: ReturnType<typeof attachWebSocket> | null = null;

  const executeRaw = async <R, V>(
    doc: TypedDocumentNode<R, V> | string,
    variables?: V,
    call: CallOptions = {},
  ) => {
    const authorization =
      call.authorization === undefined ? opts.authorization : (call.authorization ?? undefined);
    const res = await app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
        ...call.headers,
      },
      body: JSON.stringify({ query: typeof doc === 'string' ? doc : print(doc), variables }),
    });
    return (await res.json()) as GraphQLResponse<R>;
  };

  return {
    app,
    sql,
    databaseUrl: db.url,
    executeRaw,
    async execute(doc, variables, call) {
      const res = await executeRaw(doc, variables, call);
      if (res.errors?.length || !res.data) {
        throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}\nquery: ${print(doc)}`);
      }
      return res.data;
    },
    async listen() {
      server = createHttpServer(app.handler, config.connections);
      webSocket = attachWebSocket(server, app);
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const addr = server.address();
      return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/graphql`;
    },
    dropWebSockets() {
      for (const socket of webSocket?.wss.clients ?? []) socket.terminate();
    },
    async close() {
      await webSocket?.close();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      }
      await app.close();
      await db.drop();
    },
  };
}
