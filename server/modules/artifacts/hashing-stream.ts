import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ValidationError } from '../../shared/errors.ts';

/** Passes bytes through while counting them and computing their sha256; fails past `maxBytes`. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  /** Bytes seen so far (not named `size`: lib-storage reads `Body.size` as the total length). */
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new ValidationError('body', `Artifact exceeds the limit of ${this.maxBytes} bytes`));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The hex sha256 of everything that passed; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }
}
