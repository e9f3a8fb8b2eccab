// The front door of `params-tags/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).
export { assertParamsUnchanged, normaliseParams, normaliseTags } from './key-values.ts';
export { ParamInputRef, ParamRef, TagRef } from './params-tags.schema.ts';
export type { KeyValue, ParamsTagsService } from './params-tags.service.ts';
