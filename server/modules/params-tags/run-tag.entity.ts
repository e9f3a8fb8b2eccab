import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const RunTagSchema = defineEntity({
  name: 'RunTag',
  tableName: 'run_tags',
  properties: {
    runId: p.string().length(32).primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(8000),
  },
});

export type RunTag = InferEntity<typeof RunTagSchema>;
