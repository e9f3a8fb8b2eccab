import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP ranges are. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The artifacts of one run (its `artifactUri`) in some storage.
 *
 * @remarks Paths are already normalised and confined (see `normaliseArtifactPath`); a store only
 * adds its own checks (symlinks on a filesystem).
 */
export interface ArtifactLocation {
  readonly uri: string;
  /**
   * Streams `body` towards `path`; the file becomes visible only when the result is published.
   *
   * @remarks When `body` errors (client disconnect) nothing is left behind and the promise
   * rejects. Publishing replaces any file at `path` atomically: readers see the old file or the
   * whole new one, never a partial file.
   */
  stage(path: string, body: Readable): Promise<StagedFile>;
  /** Opens the file at `path` (or a byte range of it) as a stream. */
  get(path: string, range?: ByteRange): Promise<Readable>;
  /** Removes the file at `path`; a missing file is not an error. */
  delete(path: string): Promise<void>;
}

/** A fully written file waiting to be made visible at its path. */
export interface StagedFile {
  /** Makes the file visible at its path, replacing any file there. */
  publish(): Promise<void>;
  /** Removes the staged file if it was not published. */
  discard(): Promise<void>;
}

/** A kind of storage (filesystem, S3...) that can serve artifact URIs of its scheme. */
export interface ArtifactStore {
  /** Whether this store serves `uri`. */
  accepts(uri: string): boolean;
  /** The location rooted at `uri`. */
  locate(uri: string): ArtifactLocation;
}
