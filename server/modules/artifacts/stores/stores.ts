import type { Config } from '../../../config.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { ArtifactLocation, ArtifactStore } from './artifact-store.ts';
import { LocalArtifactStore } from './local-store.ts';
import { S3ArtifactStore } from './s3-store.ts';

/** The artifact stores of the app, picked by the scheme of an artifact URI. */
export class ArtifactStores {
  private readonly s3: S3ArtifactStore;
  private readonly all: ArtifactStore[];

  constructor(config: Pick<Config, 's3'>) {
    this.s3 = new S3ArtifactStore(config.s3);
    this.all = [new LocalArtifactStore(), this.s3];
  }

  /**
   * The location of a run's artifacts, from its `artifactUri`.
   *
   * @remarks A scheme no store serves (`gs://`, `http://`...) is INVALID_PARAMETER_VALUE.
   */
  locate(uri: string): ArtifactLocation {
    const store = this.all.find((s) => s.accepts(uri));
    if (!store) {
      throw new ValidationError(
        'artifactUri',
        `No artifact store serves '${uri}'; supported: local paths, file: and s3: URIs`,
      );
    }
    return store.locate(uri);
  }

  /** Releases network clients. */
  close(): void {
    this.s3.close();
  }
}
