// The front door of `artifacts/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export { sendArtifactFile } from './artifact-download.ts';
export type { ArtifactEntry, ArtifactFile, ArtifactTable } from './artifact-files.ts';
export { ArtifactFiles } from './artifact-files.ts';
export { checkArtifactLocation } from './artifact-location-policy.ts';
export { decodeArtifactUrlPath, normaliseArtifactPath } from './artifact-path.ts';
export { parseRange } from './http-range.ts';
export type { ByteRange } from './stores/artifact-store.ts';
export type { ArtifactStores } from './stores/stores.ts';
