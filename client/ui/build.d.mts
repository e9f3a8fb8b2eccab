/** A hash of the UI's sources and locked dependencies: the cache key of a build. */
export function uiSourceHash(): string;
/** Runs Vite's production build of the UI into `outDir` (replaced). */
export function buildUi(outDir: string): Promise<void>;
/** The folder holding the built UI for the current sources under `cacheDir`, built if missing. */
export function ensureUiBuild(cacheDir: string): Promise<string>;
