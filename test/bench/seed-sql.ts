import pg from 'pg';

/**
 * Seeds `runs` runs in a new experiment with set-based SQL (not through the API): 5 params
 * (`lr` cycles over 5 values), 5 metric summaries (`acc` uniform in [0, 1)) and 5 tags each (the
 * name tag and four others), as a bulk import would. It runs no ANALYZE: with autovacuum off the
 * tables keep whatever statistics they had (none in a fresh database).
 *
 * @returns the experiment id.
 */
export async function seedSearchRuns(url: string, runs: number, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [exp] = (
      await client.query<{ id: string }>(
        `insert into experiments (name, artifact_location, creation_time, last_update_time)
         values ($1, '/tmp/bench', 0, 0) returning id::text`,
        [name],
      )
    ).rows;
    const id = exp!.id;
    await client.query(
      `insert into runs (id, experiment_id, name, status, start_time, artifact_uri, lifecycle_stage)
       select md5($1 || '-' || i), $2, 'run-' || i, 'FINISHED', 1700000000000 + i, '/tmp/bench', 'active'
       from generate_series(1, $3::int) i`,
      [name, id, runs],
    );
    await client.query(
      `insert into params (run_id, key, value)
       select md5($1 || '-' || i), k, case k when 'lr' then (array['0.1','0.01','0.001','0.05','0.005'])[1 + i % 5]
         else k || '-' || (i % 97) end
       from generate_series(1, $2::int) i, unnest(array['lr','batch','optimizer','layers','dropout']) k`,
      [name, runs],
    );
    await client.query(
      `insert into run_tags (run_id, key, value)
       select md5($1 || '-' || i), k, case k when 'mlflow.runName' then 'run-' || i else k || '-' || (i % 13) end
       from generate_series(1, $2::int) i,
         unnest(array['mlflow.runName','mlflow.user','mlflow.source.name','team','stage']) k`,
      [name, runs],
    );
    await client.query(
      `insert into metric_summaries (run_id, key, count, min_value, max_value, first_step, first_timestamp,
         first_value, last_step, last_timestamp, last_value, last_seq)
       select md5($1 || '-' || i), k, 100, v / 2, v, 0, 1700000000000, v / 2, 99, 1700000000000, v, 1
       from generate_series(1, $2::int) i, unnest(array['acc','loss','f1','precision','recall']) k,
         lateral (select random() + 0 * i as v) r`,
      [name, runs],
    );
    return id;
  } finally {
    await client.end();
  }
}
