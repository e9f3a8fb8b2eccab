// The front door of `artifacts/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { ArtifactEntry, ArtifactFile } from './artifact.service.ts';
export { sendArtifactFile } from './artifact-download.ts';
export { checkArtifactLocation } from './artifact-location-policy.ts';
export { ancestorsOf, decodeArtifactUrlPath, normaliseArtifactPath } from './artifact-path.ts';
export { HashingStream } from './hashing-stream.ts';
export { parseRange } from './http-range.ts';
export type { ByteRange } from './stores/artifact-store.ts';
export type { ArtifactStores } from './stores/stores.ts';
