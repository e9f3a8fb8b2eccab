/** What {@link requireCached} returns. */
export interface CachedModule {
  /** The file's `module.exports`. */
  exports: Record<string, unknown>;
  /** V8 compiled the file from its cache (`<file>.v8cache`). */
  fromCache: boolean;
  /** Writes the code cache when it was missing or rejected; call once the program has run. */
  saveCache(): void;
}
/** Runs a CommonJS file as require() does, compiled with V8's code cache kept beside it. */
export function requireCached(file: string): CachedModule;
