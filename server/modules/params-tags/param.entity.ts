import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { RunSchema } from '../runs/public.ts';

export const ParamSchema = defineEntity({
  name: 'Param',
  tableName: 'params',
  properties: {
    runId: p
      .manyToOne(RunSchema)
      .mapToPk()
      .fieldName('run_id')
      .foreignKeyName('params_run_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(6000),
  },
});

export type Param = InferEntity<typeof ParamSchema>;
