/** The SQL of runs written by hand: the select list every raw read uses, and createRun's write. */

/** Select list mapping `runs` columns to the `Run` shape (run.entity.ts). */
export const RUN_COLUMNS = `id, experiment_id as "experimentId", name, user_id as "userId", status,
  start_time as "startTime", end_time as "endTime", lifecycle_stage as "lifecycleStage",
  deleted_time as "deletedTime", artifact_uri as "artifactUri", parent_run_id as "parentRunId",
  last_seq as "lastSeq"`;

// One round trip: the run is inserted only into an active experiment, with its tags and its audit
// event ($9-$14, AuditLog.row), so the three commit together without a transaction; it returns the
// run and its stored tags (sorted by key as every read sorts them), so a createRun that asks for
// the tags needs no second statement. createRun is the one lifecycle write left in raw SQL: it is a
// measured hot path (every training job starts with it; test/bench), and entities would take a
// transaction and three statements.
export const CREATE_RUN_SQL = `with e as (
    select id, artifact_location from experiments where id = $2 and lifecycle_stage = 'active'
  ), r as (
    insert into runs (id, experiment_id, name, user_id, status, start_time, lifecycle_stage, artifact_uri, parent_run_id)
    select $1::text, e.id, $3, $4, 'RUNNING', $5, 'active', e.artifact_location || '/' || $1::text || '/artifacts', $6 from e
    returning *
  ), t as (
    insert into run_tags (run_id, key, value) select r.id, k, v from r, unnest($7::text[], $8::text[]) as x(k, v)
    returning key, value
  ), a as (
    insert into audit_events (time, actor, action, entity_type, entity_id, detail)
    select $9, $10, $11, $12, $13, $14 from r
  )
  select ${RUN_COLUMNS},
    (select coalesce(json_agg(json_build_object('key', key, 'value', value) order by key), '[]')
     from t) as "storedTags"
  from r`;
