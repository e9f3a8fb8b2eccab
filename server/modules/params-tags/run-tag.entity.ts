import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RunSchema } from '../runs/public.ts';

export const RunTagSchema = defineEntity({
  name: 'RunTag',
  tableName: 'run_tags',
  properties: {
    runId: p
      .manyToOne(RunSchema)
      .mapToPk()
      .fieldName('run_id')
      .foreignKeyName('run_tags_run_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(8000),
  },
});

export type RunTag = InferEntity<typeof RunTagSchema>;
