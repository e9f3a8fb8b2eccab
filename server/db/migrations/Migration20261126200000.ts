import { Migration } from '@mikro-orm/migrations';

/**
 * Search indexes: metric summaries by key and latest value with NaN read as null, in both orders
 * (filters and `metrics.k ASC|DESC` with missing values last walk the index and stop early).
 * The plain (key, last_value) index is replaced: search never compares the raw value.
 * Multivariate statistics on params/tags (key, value) let the planner see that `key = 'lr' and
 * value = '0.01'` is far less selective than the product of both, so it keeps index-ordered plans.
 */
export class Migration20261126200000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index metric_summaries_key_latest_asc on metric_summaries (key, (nullif(last_value, 'NaN'::float8)));`);
    this.addSql(`create index metric_summaries_key_latest_desc on metric_summaries (key, (nullif(last_value, 'NaN'::float8)) desc nulls last);`);
    this.addSql(`drop index if exists metric_summaries_key_last_index;`);
    this.addSql(`create statistics params_key_value_stats (mcv, dependencies) on key, value from params;`);
    this.addSql(`create statistics run_tags_key_value_stats (mcv, dependencies) on key, value from run_tags;`);
  }
}
