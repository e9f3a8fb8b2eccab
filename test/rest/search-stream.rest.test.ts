import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSearchRuns } from '../bench/seed-sql.ts';
import { type RestTestApp, startRestApp } from './rest-client.ts';

/** runs/search pages larger than one chunk (1,000 runs) stream chunk by chunk: same runs, same JSON. */

let app: RestTestApp;
let exp: string;
beforeAll(async () => {
  app = await startRestApp();
  exp = await seedSearchRuns(app.t.databaseUrl, 2_345, 'search-stream');
});
afterAll(() => app.close());

interface Page {
  runs?: { info: { run_id: string }; data: { params: unknown[]; metrics: unknown[] } }[];
  next_page_token?: string;
}

const search = (extra: Record<string, unknown>) =>
  app.post<Page>('runs/search', {
    experiment_ids: [exp],
    order_by: ['metrics.acc DESC'],
    ...extra,
  });

describe('MLflow REST: large search pages', () => {
  it('a streamed page holds exactly the runs and JSON of the same runs read in small pages', async () => {
    const small: NonNullable<Page['runs']> = [];
    let token: string | undefined;
    do {
      const page = await search({ max_results: 400, page_token: token });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-length')).not.toBeNull();
      small.push(...page.body.runs!);
      token = page.body.next_page_token;
    } while (token);
    expect(small).toHaveLength(2_345);
    expect(small.every((r) => r.data.params.length === 5 && r.data.metrics.length === 5)).toBe(
      true,
    );

    const all = await search({ max_results: 50_000 });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-length')).toBeNull();
    expect(all.body.runs).toEqual(small);
    expect(all.body.next_page_token).toBeUndefined();

    // a streamed page with a next page: its token goes on where it ended
    const big = await search({ max_results: 2_000 });
    expect(big.body.runs).toEqual(small.slice(0, 2_000));
    expect(big.body.next_page_token).toBeTruthy();
    const rest = await search({ max_results: 2_000, page_token: big.body.next_page_token });
    expect(rest.body.runs).toEqual(small.slice(2_000));
    expect(rest.body.next_page_token).toBeUndefined();
  });
});
