import type { ViewType } from '@trackql/client';
import {
  type Experiment,
  InvalidValueError,
  type MlflowClient,
  type Run,
  runsToTable,
} from '@trackql/node';
import { type Command, Option } from 'commander';
import { clientFor, connectionOptions } from '../connection.ts';
import { csvField, formatJson, type OutputFormat, print } from '../output.ts';

const outputOption = () =>
  new Option('--output <format>', 'table or json').choices(['table', 'json']).default('table');
const viewOption = () =>
  new Option('--view <view>', 'lifecycle: active, deleted or all')
    .choices(['active', 'deleted', 'all'])
    .default('active');
const VIEW: Record<string, ViewType> = {
  active: 'ACTIVE_ONLY',
  deleted: 'DELETED_ONLY',
  all: 'ALL',
};
const collect = (v: string, all: string[]) => [...all, v];
const iso = (ms: number | null | undefined) => (ms == null ? '' : new Date(ms).toISOString());

function positiveInt(v: string, field: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidValueError(field, `--${field} must be a positive integer, got '${v}'`);
  }
  return n;
}

function keyValues(pairs: string[], field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const at = p.indexOf('=');
    if (at <= 0) throw new InvalidValueError(field, `--${field} takes key=value, got '${p}'`);
    out[p.slice(0, at)] = p.slice(at + 1);
  }
  return out;
}

/** Experiment ids from ids or names (a name that is all digits is taken as an id). */
async function experimentIds(client: MlflowClient, refs: string[]): Promise<string[]> {
  return Promise.all(
    refs.map(async (ref) => {
      if (/^\d+$/.test(ref)) return ref;
      const e = await client.getExperimentByName(ref);
      if (!e) throw new InvalidValueError('experiment', `No experiment named '${ref}'`);
      return e.experimentId;
    }),
  );
}

function experimentRows(experiments: Experiment[]) {
  return {
    columns: ['experimentId', 'name', 'lifecycleStage', 'artifactLocation', 'creationTime'],
    rows: experiments.map((e) => ({ ...e, creationTime: iso(e.creationTime) })),
  };
}

/** Runs as table rows: attributes, then metrics and params (tags only in JSON). */
function runRows(runs: Run[]) {
  const rows = runsToTable(runs).map((r) => ({
    ...r,
    startTime: iso(r.startTime as number),
    endTime: iso(r.endTime as number | null),
  }));
  const data = Object.keys(rows[0] ?? {}).filter((c) => /^(metrics|params)\./.test(c));
  return { columns: ['runId', 'runName', 'status', 'startTime', 'endTime', ...data], rows };
}

/** `experiments list|create`. */
export function experimentsCommand(program: Command): void {
  const cmd = program.command('experiments').description('list and create experiments');
  connectionOptions(cmd.command('list').description('list experiments'))
    .option('--filter <filter>', 'MLflow experiment filter, e.g. "name LIKE \'fraud%\'"')
    .option('--order-by <clause>', 'order-by clause (repeatable)', collect, [])
    .option('--max-results <n>', 'most experiments listed', '1000')
    .addOption(viewOption())
    .addOption(outputOption())
    .action(async (o, c: Command) => {
      const found = await clientFor(c).searchExperiments({
        filter: o.filter,
        orderBy: o.orderBy.length ? o.orderBy : undefined,
        maxResults: positiveInt(o.maxResults, 'max-results'),
        viewType: VIEW[o.view],
      });
      print(o.output as OutputFormat, found, () => experimentRows(found));
    });
  connectionOptions(cmd.command('create').description('create an experiment; prints its id'))
    .argument('<name>', 'experiment name')
    .option('--artifact-location <uri>', 'artifact root of its runs')
    .option('--tag <key=value>', 'experiment tag (repeatable)', collect, [])
    .action(async (name: string, o, c: Command) => {
      const id = await clientFor(c).createExperiment(name, {
        artifactLocation: o.artifactLocation,
        tags: keyValues(o.tag, 'tag'),
      });
      process.stdout.write(`${id}\n`);
    });
}

/** `runs search|get`. */
export function runsCommand(program: Command): void {
  const cmd = program.command('runs').description('search and show runs');
  connectionOptions(cmd.command('search').description("find runs with MLflow's filter grammar"))
    .option('--experiment <id|name>', 'experiment to search (repeatable; required)', collect, [])
    .option('--filter <filter>', 'MLflow filter, e.g. "metrics.acc > 0.9 AND params.lr = \'0.01\'"')
    .option(
      '--order-by <clause>',
      "order-by clause, e.g. 'metrics.acc DESC' (repeatable)",
      collect,
      [],
    )
    .option('--max-results <n>', 'most runs listed', '1000')
    .addOption(viewOption())
    .addOption(outputOption())
    .action(async (o, c: Command) => {
      if (o.experiment.length === 0) {
        throw new InvalidValueError('experiment', 'Name at least one --experiment (id or name)');
      }
      const client = clientFor(c);
      const runs = await client.searchRuns(await experimentIds(client, o.experiment), {
        filter: o.filter,
        orderBy: o.orderBy.length ? o.orderBy : undefined,
        maxResults: positiveInt(o.maxResults, 'max-results'),
        viewType: VIEW[o.view],
      });
      print(o.output as OutputFormat, runs, () => runRows(runs));
    });
  connectionOptions(cmd.command('get').description('show one run with its data'))
    .argument('<runId>', 'run id')
    .addOption(outputOption())
    .action(async (runId: string, o, c: Command) => {
      const run = await clientFor(c).getRun(runId);
      if (o.output === 'json') return print('json', run, () => runRows([run]));
      const { info, data } = run;
      const lines = [
        ['runId', info.runId],
        ['runName', info.name],
        ['experimentId', info.experimentId],
        ['status', info.status],
        ['lifecycleStage', info.lifecycleStage],
        ['startTime', iso(info.startTime)],
        ['endTime', iso(info.endTime)],
        ['artifactUri', info.artifactUri],
        ...Object.entries(data.params).map(([k, v]) => [`params.${k}`, v]),
        ...Object.entries(data.metrics).map(([k, v]) => [`metrics.${k}`, String(v)]),
        ...Object.entries(data.tags).map(([k, v]) => [`tags.${k}`, v]),
      ];
      const width = Math.max(...lines.map(([k]) => k!.length));
      process.stdout.write(`${lines.map(([k, v]) => `${k!.padEnd(width)}  ${v}`).join('\n')}\n`);
    });
}

/** `metrics export`. */
export function metricsCommand(program: Command): void {
  const cmd = program.command('metrics').description('metric histories');
  connectionOptions(cmd.command('export').description("write a metric's full history to stdout"))
    .requiredOption('--run <runId>', 'run id')
    .requiredOption('--key <key>', 'metric key')
    .addOption(
      new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'),
    )
    .action(async (o, c: Command) => {
      const points = await clientFor(c).getMetricHistory(o.run, o.key);
      if (o.format === 'json') {
        process.stdout.write(`${formatJson(points)}\n`);
        return;
      }
      const lines = points.map((p) =>
        [p.step, p.timestamp, formatJson(p.value).replaceAll('"', '')].map(csvField).join(','),
      );
      process.stdout.write(`step,timestamp,value\n${lines.map((l) => `${l}\n`).join('')}`);
    });
}
