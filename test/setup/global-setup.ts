import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/db/embedded.ts';
import { initOrm } from '../../server/db/orm.ts';
import { adminQuery, withDatabase } from './database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    template: string;
  }
}

/**
 * Migrates a template database once; each test file clones it (MLflow's "migrate once, copy per test").
 *
 * @remarks Uses DATABASE_URL when set, otherwise an embedded PostgreSQL in a temporary folder.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dir: string | null = null;
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'trackql-test-pg-'));
    // the embedded cluster runs as the `postgres` user when tests run as root
    chmodSync(dir, 0o755);
    embedded = await startEmbeddedPostgres(path.join(dir, 'data'));
    baseUrl = embedded.url;
  }
  const template = `trackql_tpl_${process.pid}`;
  await adminQuery(baseUrl, `drop database if exists ${template} with (force)`);
  await adminQuery(baseUrl, `create database ${template}`);
  const orm = await initOrm(withDatabase(baseUrl, template));
  await orm.close();
  project.provide('baseUrl', baseUrl);
  project.provide('template', template);
  return async () => {
    await adminQuery(baseUrl, `drop database if exists ${template} with (force)`).catch(() => {});
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
