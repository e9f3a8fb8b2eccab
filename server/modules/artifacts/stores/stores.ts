import type { Config } from '../../../config.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { ArtifactLocation, ArtifactStore } from './artifact-store.ts';
import { LocalArtifactStore } from './local-store.ts';
import type { S3ArtifactStore } from './s3-store.ts';

/** The artifact stores of the app, picked by the scheme of an artifact URI. */
export class ArtifactStores {
  private readonly local = new LocalArtifactStore();
  /** Loaded on first use: the AWS SDK takes a while to import and most servers never need it. */
  private s3: Promise<S3ArtifactStore> | null = null;

  constructor(private readonly config: Pick<Config, 's3'>) {}

  /**
   * The location of a run's artifacts, from its `artifactUri`.
   *
   * @remarks A scheme no store serves (`gs://`, `http://`...) is INVALID_PARAMETER_VALUE.
   */
  async locate(uri: string): Promise<ArtifactLocation> {
    const store: ArtifactStore | null = this.local.accepts(uri)
      ? this.local
      : uri.startsWith('s3://')
        ? await this.loadS3()
        : null;
    if (!store) {
      throw new ValidationError(
        'artifactUri',
        `No artifact store serves '${uri}'; supported: local paths, file: and s3: URIs`,
      );
    }
    return store.locate(uri);
  }

  private loadS3(): Promise<S3ArtifactStore> {
    this.s3 ??= import('./s3-store.ts').then(
      async (m) => new m.S3ArtifactStore(this.config.s3, await m.loadS3Sdk()),
    );
    return this.s3;
  }

  /** Releases network clients. */
  async close(): Promise<void> {
    (await this.s3)?.close();
  }
}
