import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Config } from '../../../config.ts';
import type { ArtifactLocation, ArtifactStore, ByteRange, StagedFile } from './artifact-store.ts';

/** Multipart part size: memory per upload is about `PART_SIZE × QUEUE_SIZE`. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;

class S3Location implements ArtifactLocation {
  constructor(
    readonly uri: string,
    private readonly client: S3Client,
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
    const upload = new Upload({
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
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.key(rel),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return res.Body as Readable;
  }

  async delete(rel: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(rel) }));
  }
}

/** Artifacts in an S3-compatible object store: `s3://bucket/prefix` URIs. */
export class S3ArtifactStore implements ArtifactStore {
  private client: S3Client | null = null;

  constructor(private readonly config: S3Config) {}

  accepts(uri: string): boolean {
    return uri.startsWith('s3://');
  }

  locate(uri: string): ArtifactLocation {
    const u = new URL(uri);
    const prefix = decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, '');
    return new S3Location(uri, this.getClient(), u.hostname, prefix);
  }

  private getClient(): S3Client {
    if (!this.client) {
      const options: S3ClientConfig = {
        region: this.config.region,
        endpoint: this.config.endpoint,
        forcePathStyle: this.config.forcePathStyle,
        credentials: this.config.credentials,
        // checksums on every request would need the whole body first on some endpoints
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      };
      this.client = new S3Client(options);
    }
    return this.client;
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client?.destroy();
  }
}
