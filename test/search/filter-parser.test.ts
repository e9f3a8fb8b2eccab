import { describe, expect, it } from 'vitest';
import { parseFilter, parseOrderBy } from '../../server/modules/search/filter-parser.ts';
import {
  EXPERIMENT_VOCABULARY,
  RUN_VOCABULARY,
} from '../../server/modules/search/search-vocabulary.ts';
import { ValidationError } from '../../server/shared/errors.ts';

const runs = (s: string) => parseFilter(s, RUN_VOCABULARY).clauses;
const one = (s: string) => runs(s)[0]!;
const fails = (s: string, vocab = RUN_VOCABULARY) => {
  try {
    parseFilter(s, vocab);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).message;
  }
  throw new Error(`parsed: ${s}`);
};

describe('filter grammar: identifiers', () => {
  it.each([
    ['metrics.acc > 1', 'metric', 'acc'],
    ['metric.acc > 1', 'metric', 'acc'],
    ['metrics.a.b > 1', 'metric', 'a.b'],
    ['metrics.`my metric` > 1', 'metric', 'my metric'],
    ['metrics."val-loss" > 1', 'metric', 'val-loss'],
    ["params.lr = '1'", 'param', 'lr'],
    ["param.lr = '1'", 'param', 'lr'],
    ["parameter.lr = '1'", 'param', 'lr'],
    ["parameters.lr = '1'", 'param', 'lr'],
    ["tags.team = 'a'", 'tag', 'team'],
    ["tag.`user name` = 'a'", 'tag', 'user name'],
    ["attributes.run_name = 'a'", 'attribute', 'run_name'],
    ["attribute.status = 'a'", 'attribute', 'status'],
    ["attr.user_id = 'a'", 'attribute', 'user_id'],
    ["run.artifact_uri = 'a'", 'attribute', 'artifact_uri'],
    ["run_id = 'a'", 'attribute', 'run_id'],
    ['created > 5', 'attribute', 'start_time'],
    ['Created > 5', 'attribute', 'start_time'],
    ['attributes.end_time <= 5', 'attribute', 'end_time'],
    ["attributes.`Run name` = 'x'", 'attribute', 'run_name'],
    ["`run name` = 'x'", 'attribute', 'run_name'],
    ["datasets.name = 'x'", 'dataset', 'name'],
    ["dataset.context = 'train'", 'dataset', 'context'],
    ['min(metrics.loss) < 0.2', 'metric', 'loss'],
  ])('%s names %s %s', (src, kind, key) => {
    expect(one(src).ident).toMatchObject({ kind, key });
  });

  it('parses summary functions over dotted and quoted keys', () => {
    expect(one('max(metrics.`val.loss`) >= 1').ident).toMatchObject({ fn: 'max', key: 'val.loss' });
    expect(one('count(metrics.a.b) = 3').ident).toMatchObject({ fn: 'count', key: 'a.b' });
    expect(one('LAST_STEP(metrics.x) > 3').ident).toMatchObject({ fn: 'last_step' });
  });
});

describe('filter grammar: comparators and values', () => {
  it.each(['=', '!=', '<', '<=', '>', '>='])('metrics accept %s with a number', (op) => {
    expect(one(`metrics.m ${op} -1.5e-3`)).toMatchObject({
      op,
      value: { type: 'number', value: -0.0015 },
    });
  });

  it('reads <> as != and keywords in any case', () => {
    expect(one('metrics.m <> 1')).toMatchObject({ op: '!=' });
    expect(runs("params.a like 'x%' and tags.b ILIKE 'Y'")).toMatchObject([
      { op: 'LIKE', value: { value: 'x%' } },
      { op: 'ILIKE', value: { value: 'Y' } },
    ]);
  });

  it.each(['=', '!=', 'LIKE', 'ILIKE'])('params and tags accept %s with a quoted string', (op) => {
    expect(one(`params.p ${op} "v"`)).toMatchObject({ op, value: { type: 'string', value: 'v' } });
    expect(one(`tags.t ${op} 'v'`)).toMatchObject({ op });
  });

  it('parses IS [NOT] NULL on params and tags', () => {
    expect(one('params.p IS NULL')).toMatchObject({ type: 'null', negated: false });
    expect(one('tags.t is not null')).toMatchObject({ type: 'null', negated: true });
  });

  it('parses IN and NOT IN lists on run_id and datasets, keeping every value', () => {
    expect(one("run_id IN ('a', 'B1', '123')")).toMatchObject({
      type: 'in',
      values: ['a', 'B1', '123'],
    });
    expect(one("datasets.digest NOT IN ('x')")).toMatchObject({ type: 'in', negated: true });
  });

  it('keeps quoted text verbatim (no escape processing)', () => {
    expect(one("params.p = 'a\\b%'")).toMatchObject({ value: { value: 'a\\b%' } });
  });

  it('treats an empty or blank filter as match-all', () => {
    expect(runs('')).toEqual([]);
    expect(runs('   ')).toEqual([]);
  });
});

describe('filter grammar: errors with positions', () => {
  it.each([
    ["metrics.acc > 1 OR params.a = 'b'", 16, 'OR is not supported'],
    ["(params.a = 'b')", 0, 'parentheses'],
    ["NOT params.a = 'b'", 0, 'NOT is only supported'],
    ["metrics.acc = '1'", 14, 'expected a numeric value'],
    ['params.lr = 0.1', 12, 'expected a quoted string'],
    ["metrics.acc LIKE 'a'", 12, 'LIKE is not supported'],
    ['metrics.acc IS NULL', 12, 'IS NULL is not supported'],
    ['start_time IS NULL', 11, 'IS NULL is not supported'],
    ["params.a IN ('x')", 9, 'IN is not supported'],
    ["run_name IN ('x')", 9, 'IN is not supported'],
    ["foo.bar = 'x'", 0, "unknown identifier prefix 'foo'"],
    ["nope = 'x'", 0, "unknown attribute 'nope'"],
    ["datasets.size = 'x'", 0, "unknown dataset key 'size'"],
    ["params.a = 'x' params.b = 'y'", 15, 'expected AND'],
    ["params.a = 'unterminated", 11, 'unterminated'],
    ['run_id IN ()', 11, 'expected a quoted string in the list'],
    ["params.a = 'x';", 14, "unexpected character ';'"],
    ['metrics.acc >', 13, 'expected a numeric value'],
    ['min(params.a) > 1', 4, 'takes a metric'],
    ["params.a = 'x' AND", 18, 'expected an identifier'],
  ])('%s fails at %i (%s)', (src, offset, why) => {
    const msg = fails(src);
    expect(msg).toContain(`at character ${offset}:`);
    expect(msg).toContain(why);
  });
});

describe('orderBy grammar', () => {
  it('parses identifiers with directions, quoting and summaries', () => {
    expect(
      parseOrderBy(
        ['metrics.acc DESC', 'params.`lr rate`', 'min(metrics.loss) asc', 'created'],
        RUN_VOCABULARY,
      ),
    ).toMatchObject([
      { ident: { kind: 'metric', key: 'acc' }, descending: true },
      { ident: { kind: 'param', key: 'lr rate' }, descending: false },
      { ident: { kind: 'metric', key: 'loss', fn: 'min' }, descending: false },
      { ident: { kind: 'attribute', key: 'start_time' }, descending: false },
    ]);
  });

  it('rejects duplicates, datasets and trailing text on the entry index', () => {
    expect(() => parseOrderBy(['metrics.a', 'metrics.a DESC'], RUN_VOCABULARY)).toThrow(
      /orderBy\[1\].*more than once/,
    );
    expect(() => parseOrderBy(['datasets.name'], RUN_VOCABULARY)).toThrow(
      /cannot be used in orderBy/,
    );
    expect(() => parseOrderBy(['metrics.a DESC x'], RUN_VOCABULARY)).toThrow(/character 15/);
  });
});

describe('experiment vocabulary', () => {
  it('accepts attribute. and attributes., names, times and tags', () => {
    expect(
      parseFilter(
        "attribute.name = 'a' AND attributes.creation_time > 1 AND tags.t IS NULL",
        EXPERIMENT_VOCABULARY,
      ).clauses,
    ).toHaveLength(3);
  });

  it('rejects metrics, experiment_id filters and non-attribute order keys', () => {
    expect(fails('metrics.a > 1', EXPERIMENT_VOCABULARY)).toContain(
      "unknown identifier prefix 'metrics'",
    );
    expect(fails('experiment_id = 1', EXPERIMENT_VOCABULARY)).toContain('can only be ordered by');
    expect(() => parseOrderBy(['tags.a'], EXPERIMENT_VOCABULARY)).toThrow(/only attributes/);
    expect(parseOrderBy(['experiment_id DESC'], EXPERIMENT_VOCABULARY)).toHaveLength(1);
  });
});
