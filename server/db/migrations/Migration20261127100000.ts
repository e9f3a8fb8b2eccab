import { Migration } from '@mikro-orm/migrations';

/**
 * Drops the segments' point arrays (`steps`, `timestamps`, `vals`): every read now decodes the
 * packed points of Migration20261127000000 (histories, series, buckets, live frames, replay), so
 * the arrays were a second copy of every point, written, compressed and stored for nothing.
 *
 * @remarks Forward only, like the others: the packed bytes hold the same points, so the arrays
 * could be rebuilt from them, but no code reads them any more. Dropping a column is instant in
 * PostgreSQL; the space of existing rows comes back as they are rewritten, or at once with
 * `VACUUM FULL metric_segments`.
 */
export class Migration20261127100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table metric_segments drop column steps, drop column timestamps, drop column vals;',
    );
  }
}
