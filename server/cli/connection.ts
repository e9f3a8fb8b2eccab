import { MlflowClient } from '@trackql/node';
import { type Command, Option } from 'commander';
import { httpFetch } from './http-fetch.ts';

/** The connection options every client command takes: `--url`/`TRACKQL_URL`, `--token`/`TRACKQL_TOKEN`. */
export function connectionOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option(
        '--url <url>',
        'trackql server (base or /graphql URL); default MLFLOW_TRACKING_URI, then http://127.0.0.1:4000',
      ).env('TRACKQL_URL'),
    )
    .addOption(
      new Option(
        '--token <token>',
        'API token sent as a bearer token; default MLFLOW_TRACKING_TOKEN',
      ).env('TRACKQL_TOKEN'),
    );
}

/**
 * A client for the command's `--url` and `--token` (options of the command or its parents). Its
 * GraphQL requests go over node:http ({@link httpFetch}); with `transfers`, everything uses the
 * global `fetch`, whose streamed bodies artifact uploads and downloads need.
 */
export function clientFor(cmd: Command, { transfers = false } = {}): MlflowClient {
  const o = cmd.optsWithGlobals<{ url?: string; token?: string }>();
  return new MlflowClient({
    trackingUri: o.url,
    token: o.token,
    fetch: transfers ? undefined : httpFetch,
  });
}
