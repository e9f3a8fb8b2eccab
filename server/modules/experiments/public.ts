// The front door of `experiments/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { Experiment, LifecycleStage } from './experiment.entity.ts';
export { ExperimentSchema, LIFECYCLE_STAGES } from './experiment.entity.ts';
export {
  ExperimentRef,
  LifecycleStageEnum,
  TagInputRef,
  ViewTypeEnum,
} from './experiment.schema.ts';
export type { ExperimentService } from './experiment.service.ts';
export type { ViewType } from './experiment-list.ts';
export { stagesOf } from './experiment-list.ts';
