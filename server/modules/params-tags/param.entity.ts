import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

export const ParamSchema = defineEntity({
  name: 'Param',
  tableName: 'params',
  properties: {
    runId: p.string().length(32).primary(),
    key: p.string().length(250).primary(),
    value: p.string().length(6000),
  },
});

export type Param = InferEntity<typeof ParamSchema>;
