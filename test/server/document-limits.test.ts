import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { rawRequest } from '../helpers/http.ts';
import { seedExperiment, uniqueName } from '../helpers/seed.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface Answer {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('GraphQL document and argument limits', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    url = await t.listen();
  });
  afterAll(() => t.close());

  async function post(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(url, {
      method: 'POST',
      // GraphQL over HTTP's media type: refused documents answer 400 (with application/json, 200)
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return {
      status: res.status,
      ms: Date.now() - started,
      body: JSON.parse(text) as Answer['body'],
    };
  }

  function refusedFast(a: Answer, message: RegExp) {
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
    expect(a.body.errors?.[0]?.message).toMatch(message);
    expect(a.ms).toBeLessThan(2_000);
  }

  it('refuses 10,000 aliases before validation (past the token limit while parsing)', async () => {
    const fields = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ');
    const a = await post(`{ ${fields} }`);
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.message).toMatch(/more that 20000 tokens/);
    expect(a.ms).toBeLessThan(2_000);
  });

  it('refuses more aliases than the alias limit within the token limit', async () => {
    const fields = Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(' ');
    refusedFast(await post(`{ ${fields} }`), /1000 aliases; at most 256/);
  });

  it('refuses 10,000 repeats of one field (pairwise validation) without aliases', async () => {
    refusedFast(await post(`{ ${'__typename '.repeat(5_000)}}`), /selects 5000 fields/);
  });

  it('refuses a document past the token limit', async () => {
    const args = Array.from({ length: 25_000 }, () => '"x"').join(', ');
    const a = await post(`{ experimentByName(name: [${args}]) { name } }`);
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.message).toMatch(/more that 20000 tokens/);
  });

  it('answers 100,000-deep nesting with a clear error, not a stack overflow', async () => {
    const deep = `{ ${'a { '.repeat(100_000)}b${' }'.repeat(100_000)} }`;
    refusedFast(await post(deep), /nests deeper than 32 levels/);
    const deepList = `{ experimentByName(name: ${'['.repeat(100_000)}"x"${']'.repeat(100_000)}) { name } }`;
    refusedFast(await post(deepList), /nests deeper/);
  });

  it('refuses deeply nested variables', async () => {
    let v: unknown = 'x';
    for (let i = 0; i < 1_000; i++) v = [v];
    const a = await post(
      'query($v: [String!]!) { searchRuns(experimentIds: $v) { edges { node { runId } } } }',
      {
        v,
      },
    );
    expect(a.status).toBe(400);
    expect(a.body.errors?.[0]?.message).toMatch(/nests deeper than 32 levels/);
  });

  it('refuses a 20 MB argument with 413 before reading it', async () => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    const started = Date.now();
    const res = await rawRequest(
      url,
      'POST',
      '/graphql',
      JSON.stringify({
        query: 'query($n: String!) { experimentByName(name: $n) { name } }',
        variables: { n: big },
      }),
      { 'content-type': 'application/json' },
    ).catch((err: unknown) => ({ status: -1, err }));
    // the server may close while the client still sends; either way it never reads 20 MB
    if (res.status !== -1) expect(res.status).toBe(413);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body over the limit handed to yoga in process too (no listener in front)', async () => {
    const small = await createTestApp({
      config: { documentLimits: { ...loadConfig({}).documentLimits, maxBodyBytes: 2048 } },
    });
    try {
      const body = JSON.stringify({ query: `{ __typename }`, variables: { x: 'y'.repeat(4096) } });
      const streamed = await small.app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // a stream: no Content-Length to refuse it by
        body: new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode(body));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const answer = (await streamed.json()) as Answer['body'];
      expect(answer.errors?.[0]?.extensions?.code).toBe('INVALID_PARAMETER_VALUE');
      const declared = await small.app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        body,
      });
      expect(declared.status).toBe(413);
      const fits = await small.executeRaw('{ __typename }');
      expect(fits.data).toEqual({ __typename: 'Query' });
    } finally {
      await small.close();
    }
  });

  it('refuses a GraphQL POST without Content-Length (411)', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(411);
  });

  it('refuses a string variable or literal past the string limit, naming it', async () => {
    const long = 'x'.repeat(1024 * 1024 + 1);
    const a = await post('query($n: String!) { experimentByName(name: $n) { name } }', { n: long });
    refusedFast(a, /'variables\.n' exceeds the maximum length of 1048576/);
    expect(a.body.errors?.[0]?.extensions?.field).toBe('variables.n');
    const b = await post(`{ experimentByName(name: "${long}") { name } }`);
    refusedFast(b, /'experimentByName.name' exceeds the maximum length/);
  });

  it('still answers ordinary documents', async () => {
    const name = uniqueName();
    await seedExperiment(t, name);
    const a = await post('query($n: String!) { e: experimentByName(name: $n) { name } }', {
      n: name,
    });
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual({ e: { name } });
  });
});
