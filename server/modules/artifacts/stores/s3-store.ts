import type { Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import type * as Storage from '@aws-sdk/lib-storage';
import type { S3Config } from '../../../config.ts';
import type { ArtifactLocation, ArtifactStore, ByteRange, StagedFile } from './artifact-store.ts';

/**
 * The AWS SDK's modules. Imported on first use only: the server bundle keeps a dynamic import of an
 * external package lazy, where a static one would load the SDK (~4 MiB of heap) at every start.
 */
export interface S3Sdk {
  s3: typeof S3;
  storage: typeof Storage;
}

/** Imports the AWS SDK. */
export async function loadS3Sdk(): Promise<S3Sdk> {
  const [s3, storage] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/lib-storage'),
  ]);
  return { s3, storage };
}

/** Multipart part size: memory per upload is about `PART_SIZE × QUEUE_SIZE`. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

class S3Location implements ArtifactLocation {
  constructor(
    readonly uri: string,
    private readonly sdk: S3Sdk,
    private readonly client: S3.S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
  ) {}

  private key(rel: string): string {
    return this.prefix === '' ? rel : `${this.prefix}/${rel}`;
  }

  /**
   * Uploads straight to the key: a multipart upload only becomes an object when completed, so a
   * failed one leaves nothing; publishing is then a no-op (concurrent writers of one key race).
   */
  async stage(rel: string, body: Readable): Promise<StagedFile> {
    const upload = new this.sdk.storage.Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.key(rel), Body: body },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      // abort ourselves below, so the original error is the one reported
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (err) {
      await upload.abort().catch(() => {});
      throw err;
    }
    return { publish: async () => {}, discard: async () => {} };
  }

  async get(rel: string, range?: ByteRange): Promise<Readable> {
    const res = await this.client.send(
      new this.sdk.s3.GetObjectCommand({
        Bucket: this.bucket,
        Key: this.key(rel),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return res.Body as Readable;
  }

  async delete(rel: string): Promise<void> {
    await this.client.send(
      new this.sdk.s3.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(rel) }),
    );
  }
}

/** Artifacts in an S3-compatible object store: `s3://bucket/prefix` URIs. */
export class S3ArtifactStore implements ArtifactStore {
  private client: S3.S3Client | null = null;

  constructor(
    private readonly config: S3Config,
    private readonly sdk: S3Sdk,
  ) {}

  accepts(uri: string): boolean {
    return uri.startsWith('s3://');
  }

  locate(uri: string): ArtifactLocation {
    const u = new URL(uri);
    const prefix = decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, '');
    return new S3Location(uri, this.sdk, this.getClient(), u.hostname, prefix);
  }

  private getClient(): S3.S3Client {
    if (!this.client) {
      const options: S3.S3ClientConfig = {
        region: this.config.region,
        endpoint: this.config.endpoint,
        forcePathStyle: this.config.forcePathStyle,
        credentials: this.config.credentials,
        // checksums on every request would need the whole body first on some endpoints
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      };
      this.client = new this.sdk.s3.S3Client(options);
    }
    return this.client;
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client?.destroy();
  }
}
