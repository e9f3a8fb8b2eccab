import { Migration } from '@mikro-orm/migrations';

/**
 * `metric_segments.exact_steps`: the exact int64 steps of a segment holding a step beyond ±(2^53-1),
 * whose packed points carry the steps rounded to doubles (see `modules/metrics/metric-packed.ts`);
 * null for every other segment. Adding a nullable column without a default is instant.
 */
export class Migration20261207300000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table metric_segments add column exact_steps bytea null;');
  }
}
