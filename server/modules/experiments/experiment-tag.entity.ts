import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ExperimentSchema } from './experiment.entity.ts';

export const ExperimentTagSchema = defineEntity({
  name: 'ExperimentTag',
  tableName: 'experiment_tags',
  properties: {
    experimentId: p
      .manyToOne(ExperimentSchema)
      .mapToPk()
      .fieldName('experiment_id')
      .foreignKeyName('experiment_tags_experiment_id_fkey')
      .deleteRule('cascade')
      .updateRule('no action')
      .primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(5000),
  },
});

export type ExperimentTag = InferEntity<typeof ExperimentTagSchema>;
