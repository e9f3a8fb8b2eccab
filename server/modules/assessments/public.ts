// The front door of `assessments/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type {
  Assessment,
  AssessmentErrorValue,
  AssessmentKind,
  AssessmentSourceType,
} from './assessment.entity.ts';
export { ASSESSMENT_SOURCE_TYPES, AssessmentSchema } from './assessment.entity.ts';
export { AssessmentService } from './assessment.service.ts';
export type { AssessmentChanges, NewAssessmentInput } from './assessment-rules.ts';
