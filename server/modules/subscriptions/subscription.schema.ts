import { builder } from '../../builder.ts';
import { PAYLOAD_ONLY } from '../../shared/payload-only.ts';
import { LifecycleStageEnum } from '../experiments/public.ts';
import { ParamRef, TagRef } from '../params-tags/public.ts';
import { RunStatusEnum } from '../runs/public.ts';
import type { KeySeries, RunEvent, RunEventKind } from './events.ts';
import { unlag } from './lagged.ts';
import type { MetricsEvent } from './metrics-stream.ts';

builder.subscriptionType({
  description:
    'Live streams over SSE (`accept: text/event-stream`) or WebSocket (graphql-ws, same path). A subscriber that falls too far behind gets a final error with `extensions.code` SUBSCRIBER_LAGGED (and `lastSeq` where it applies), then the stream ends. With authentication on, a stream whose subscriber may no longer read it (token revoked or expired, user deleted, permission withdrawn; on any server of the deployment) gets a final UNAUTHENTICATED or PERMISSION_DENIED error, then ends; a WebSocket whose credential no longer holds is closed with 4403.',
});

const MetricKeySeriesRef = builder.objectRef<KeySeries>('MetricKeySeries').implement({
  description: 'Points of one metric key as parallel lists, in logging order.',
  fields: (t) => ({
    key: t.exposeString('key', { extensions: PAYLOAD_ONLY, description: 'Metric name.' }),
    steps: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'StepColumn',
      description: 'Steps (beyond ±(2^53-1) as decimal strings).',
      resolve: (s) => s.steps,
    }),
    timestamps: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeIntColumn',
      description: 'Timestamps, ms since the epoch.',
      resolve: (s) => s.timestamps,
    }),
    values: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'MetricValueColumn',
      description: 'Values; NaN and ±Infinity kept.',
      resolve: (s) => s.values,
    }),
  }),
});

const MetricsLoggedEventRef = builder.objectRef<MetricsEvent>('MetricsLoggedEvent').implement({
  description:
    'Points of one or more consecutive committed batches of a run (several when a burst was coalesced).',
  fields: (t) => ({
    runId: t.exposeString('runId', { extensions: PAYLOAD_ONLY, description: 'The run.' }),
    seq: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      description:
        'Sequence number of the last batch included: every batch up to it has been delivered. Resume with `afterSeq: seq`.',
      resolve: (e) => e.seq,
    }),
    fromSeq: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      description: 'Sequence number of the first batch included.',
      resolve: (e) => e.fromSeq,
    }),
    committedAt: t.float({
      extensions: PAYLOAD_ONLY,
      nullable: true,
      description:
        'Server time the last included batch committed (ms since the epoch, sub-ms precision); null when replayed from storage.',
      resolve: (e) => e.committedAt,
    }),
    replayed: t.exposeBoolean('replayed', {
      extensions: PAYLOAD_ONLY,
      description: 'True when read from storage (after `afterSeq`), false when live.',
    }),
    metrics: t.field({
      extensions: PAYLOAD_ONLY,
      type: [MetricKeySeriesRef],
      description: 'The points, per key.',
      resolve: (e) => e.metrics,
    }),
  }),
});

const RUN_EVENT_KINDS: Record<RunEventKind, string> = {
  SNAPSHOT: 'Current state of the run, sent first when subscribing to one run.',
  CREATED: 'The run was created.',
  STATUS_CHANGED: 'Status or end time changed to a non-terminal status.',
  ENDED: 'Status changed to FINISHED, FAILED or KILLED.',
  RENAMED: 'The run got a new name (`name`).',
  DELETED: 'The run was deleted (also when its experiment was).',
  RESTORED: 'The run was restored (also when its experiment was).',
  PARAMS_LOGGED: 'Params were logged (`params`, the batch in `seq`).',
  TAGS_SET: 'Tags were set (`tags`, the batch in `seq`).',
  TAG_DELETED: 'A tag was deleted (`tagKey`).',
};

const RunEventKindEnum = builder.enumType('RunEventKind', {
  description: 'What happened to a run.',
  values: Object.fromEntries(
    Object.entries(RUN_EVENT_KINDS).map(([k, description]) => [k, { description }]),
  ) as Record<RunEventKind, { description: string }>,
});

const RunEventRef = builder.objectRef<RunEvent>('RunEvent').implement({
  description:
    'A committed change of a run. Fields not concerned by the change are null. Applying an event twice is harmless.',
  fields: (t) => ({
    kind: t.field({
      extensions: PAYLOAD_ONLY,
      type: RunEventKindEnum,
      description: 'What happened.',
      resolve: (e) => e.kind,
    }),
    runId: t.exposeString('runId', { extensions: PAYLOAD_ONLY, description: 'The run.' }),
    experimentId: t.exposeString('experimentId', {
      extensions: PAYLOAD_ONLY,
      description: "The run's experiment.",
    }),
    seq: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      nullable: true,
      description:
        'Batch sequence number for batch-borne changes; the run’s last one for SNAPSHOT.',
      resolve: (e) => e.seq,
    }),
    committedAt: t.float({
      extensions: PAYLOAD_ONLY,
      description: 'Server time of the commit, ms since the epoch.',
      resolve: (e) => e.committedAt,
    }),
    status: t.field({
      extensions: PAYLOAD_ONLY,
      type: RunStatusEnum,
      nullable: true,
      description: 'Status after the change.',
      resolve: (e) => e.status ?? null,
    }),
    endTime: t.field({
      extensions: PAYLOAD_ONLY,
      type: 'SafeInt',
      nullable: true,
      description: 'End time after the change.',
      resolve: (e) => e.endTime ?? null,
    }),
    name: t.string({
      extensions: PAYLOAD_ONLY,
      nullable: true,
      description: 'Name after the change.',
      resolve: (e) => e.name ?? null,
    }),
    lifecycleStage: t.field({
      extensions: PAYLOAD_ONLY,
      type: LifecycleStageEnum,
      nullable: true,
      description: 'Lifecycle stage after the change.',
      resolve: (e) => e.lifecycleStage ?? null,
    }),
    params: t.field({
      extensions: PAYLOAD_ONLY,
      type: [ParamRef],
      nullable: true,
      description: 'Params logged (PARAMS_LOGGED) or all params (SNAPSHOT).',
      resolve: (e) => e.params ?? null,
    }),
    tags: t.field({
      extensions: PAYLOAD_ONLY,
      type: [TagRef],
      nullable: true,
      description: 'Tags set (TAGS_SET, CREATED) or all tags (SNAPSHOT).',
      resolve: (e) => e.tags ?? null,
    }),
    tagKey: t.string({
      extensions: PAYLOAD_ONLY,
      nullable: true,
      description: 'Key of the deleted tag (TAG_DELETED).',
      resolve: (e) => e.tagKey ?? null,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  metricsLogged: t.field({
    extensions: PAYLOAD_ONLY,
    type: MetricsLoggedEventRef,
    description:
      'Points of each committed batch of a run, in commit order. With `afterSeq`, stored batches after it are replayed first, then the stream continues live with no gap and no duplicate. Batches without points of `keys` are skipped (`seq` still only grows). A subscriber that falls behind gets bursts coalesced into one event; one too far behind gets SUBSCRIBER_LAGGED with `extensions.lastSeq`.',
    args: {
      runId: t.arg.string({ required: true, description: 'The run.' }),
      keys: t.arg.stringList({ description: 'Only these metric keys (at most 100); default all.' }),
      afterSeq: t.arg({
        type: 'SafeInt',
        description: 'Replay batches with a larger sequence number first (0: everything).',
      }),
    },
    subscribe: (_, args, ctx) => ctx.services.live.metrics(args),
    resolve: (e) => unlag(e),
  }),
  runEvents: t.field({
    extensions: PAYLOAD_ONLY,
    type: RunEventRef,
    description:
      'Changes of runs as they commit: created, status changed, ended, renamed, deleted, restored, params logged, tags set or deleted. Filter by experiment and/or run; subscribing to one run starts with its SNAPSHOT.',
    args: {
      experimentId: t.arg.string({ description: 'Only runs of this experiment.' }),
      runId: t.arg.string({ description: 'Only this run; the stream starts with its SNAPSHOT.' }),
    },
    subscribe: (_, args, ctx) => ctx.services.live.runEvents(args),
    resolve: (e) => unlag(e),
  }),
}));
