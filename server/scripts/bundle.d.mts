/** The project's root folder (the checkout). */
export const root: string;
/** A writable cache folder (node_modules/.cache/trackql, else a private folder in the OS temp dir). */
export function cacheDir(): string;
/** Options of {@link bundle}. */
export interface BundleOptions {
  /** Bundle `@trackql/client` and `@trackql/node` from source. */
  workspace?: boolean;
  /** Code splitting: a dynamic `import()` becomes a chunk loaded on use. */
  splitting?: boolean;
  /** Packages bundled from node_modules (tree-shaken) instead of left external. */
  inline?: string[];
  /** Further esbuild options. */
  esbuild?: Record<string, unknown>;
}
/**
 * Builds the bundle `name` of `entry` (relative to the root) unless a build of the current files
 * exists; resolves to the path of its entry file.
 */
export function bundle(name: string, entry: string, options?: BundleOptions): Promise<string>;
