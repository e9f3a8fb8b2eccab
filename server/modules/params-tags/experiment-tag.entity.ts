import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const ExperimentTagSchema = defineEntity({
  name: 'ExperimentTag',
  tableName: 'experiment_tags',
  properties: {
    experimentId: p.bigint('number').primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(5000),
  },
});

export type ExperimentTag = InferEntity<typeof ExperimentTagSchema>;
