import type {
  Clause,
  Comparator,
  Filter,
  Identifier,
  Literal,
  OrderClause,
  SummaryFunction,
} from './filter-ast.ts';
import { SUMMARY_FUNCTIONS } from './filter-ast.ts';
import { syntaxError, type Token, tokenize } from './filter-lexer.ts';
import { COMPARATORS, type ValueType, type Vocabulary } from './vocabulary.ts';

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(
    src: string,
    private readonly vocab: Vocabulary,
    private readonly field: string,
  ) {
    this.tokens = tokenize(src, field);
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private fail(t: Token, message: string): never {
    throw syntaxError(this.field, t.offset, message);
  }

  private describe(t: Token): string {
    return t.kind === 'eof' ? 'the end of the input' : `'${t.text}'`;
  }

  private isWord(t: Token, ...words: string[]): boolean {
    return t.kind === 'word' && words.includes(t.text.toUpperCase());
  }

  private expectWord(word: string): Token {
    const t = this.next();
    if (!this.isWord(t, word)) this.fail(t, `expected ${word}, found ${this.describe(t)}`);
    return t;
  }

  filter(): Filter {
    const clauses: Clause[] = [];
    if (this.peek().kind === 'eof') return { clauses };
    clauses.push(this.clause());
    while (this.peek().kind !== 'eof') {
      const t = this.next();
      if (this.isWord(t, 'OR'))
        this.fail(t, 'OR is not supported; clauses can only be joined by AND');
      if (!this.isWord(t, 'AND')) this.fail(t, `expected AND, found ${this.describe(t)}`);
      clauses.push(this.clause());
    }
    return { clauses };
  }

  order(): OrderClause {
    const ident = this.identifier();
    const error = this.vocab.orderError(ident);
    if (error) throw syntaxError(this.field, ident.offset, error);
    let descending = false;
    const dir = this.peek();
    if (this.isWord(dir, 'ASC', 'DESC')) {
      this.next();
      descending = dir.text.toUpperCase() === 'DESC';
    }
    const end = this.next();
    if (end.kind !== 'eof')
      this.fail(end, `expected ASC, DESC or the end, found ${this.describe(end)}`);
    return { ident, descending };
  }

  /** One orderable identifier and nothing else (a structured order entry's field name). */
  orderField(): Identifier {
    const ident = this.identifier();
    const error = this.vocab.orderError(ident);
    if (error) throw syntaxError(this.field, ident.offset, error);
    const end = this.next();
    if (end.kind !== 'eof') this.fail(end, `expected the end, found ${this.describe(end)}`);
    return ident;
  }

  private clause(): Clause {
    const start = this.peek();
    if (start.kind === '(') this.fail(start, 'parentheses for grouping are not supported');
    if (this.isWord(start, 'NOT'))
      this.fail(start, 'NOT is only supported in NOT IN and IS NOT NULL');
    const ident = this.identifier();
    const error = this.vocab.filterError(ident);
    if (error) throw syntaxError(this.field, ident.offset, error);
    const type = this.vocab.typeOf(ident);
    const t = this.next();
    const allow = (form: string) => {
      if (!COMPARATORS[type].includes(form)) {
        this.fail(
          t,
          `${form} is not supported for ${ident.text} (allowed: ${COMPARATORS[type].join(', ')})`,
        );
      }
    };
    if (this.isWord(t, 'IS')) {
      const negated = this.isWord(this.peek(), 'NOT');
      if (negated) this.next();
      this.expectWord('NULL');
      allow(negated ? 'IS NOT NULL' : 'IS NULL');
      return { type: 'null', ident, negated, offset: ident.offset };
    }
    if (this.isWord(t, 'IN') || (this.isWord(t, 'NOT') && this.isWord(this.peek(), 'IN'))) {
      const negated = t.text.toUpperCase() === 'NOT';
      if (negated) this.next();
      allow(negated ? 'NOT IN' : 'IN');
      return { type: 'in', ident, negated, values: this.stringList(), offset: ident.offset };
    }
    let op: Comparator;
    if (t.kind === 'op') op = t.text as Comparator;
    else if (this.isWord(t, 'LIKE', 'ILIKE', 'RLIKE')) op = t.text.toUpperCase() as Comparator;
    else this.fail(t, `expected a comparator after ${ident.text}, found ${this.describe(t)}`);
    allow(op);
    const value = this.literal(type, ident);
    return { type: 'compare', ident, op, value, offset: ident.offset };
  }

  private literal(type: ValueType, ident: Identifier): Literal {
    const t = this.next();
    if (type === 'number') {
      if (t.kind === 'number')
        return { type: 'number', value: Number(t.text), text: t.text, offset: t.offset };
      this.fail(t, `expected a numeric value for ${ident.text}, found ${this.describe(t)}`);
    }
    if (t.kind === 'squoted' || t.kind === 'dquoted')
      return { type: 'string', value: t.text, offset: t.offset };
    this.fail(t, `expected a quoted string value for ${ident.text}, found ${this.describe(t)}`);
  }

  private stringList(): string[] {
    const open = this.next();
    if (open.kind !== '(')
      this.fail(open, `expected '(' to start a list, found ${this.describe(open)}`);
    const values: string[] = [];
    for (;;) {
      const v = this.next();
      if (v.kind !== 'squoted' && v.kind !== 'dquoted') {
        this.fail(v, `expected a quoted string in the list, found ${this.describe(v)}`);
      }
      values.push(v.text);
      const sep = this.next();
      if (sep.kind === ')') return values;
      if (sep.kind !== ',')
        this.fail(sep, `expected ',' or ')' in the list, found ${this.describe(sep)}`);
    }
  }

  private identifier(): Identifier {
    const t = this.peek();
    if (
      this.vocab.summaries &&
      t.kind === 'word' &&
      this.peek(1).kind === '(' &&
      SUMMARY_FUNCTIONS.includes(t.text.toLowerCase() as SummaryFunction)
    ) {
      this.next();
      this.next();
      const inner = this.identifier();
      if (inner.kind !== 'metric' || inner.fn) {
        throw syntaxError(
          this.field,
          inner.offset,
          `${t.text}() takes a metric such as metrics.loss`,
        );
      }
      const close = this.next();
      if (close.kind !== ')') this.fail(close, `expected ')', found ${this.describe(close)}`);
      const fn = t.text.toLowerCase() as SummaryFunction;
      return { ...inner, fn, offset: t.offset, text: `${fn}(${inner.text})` };
    }
    this.next();
    if (t.kind === 'backquoted' || t.kind === 'dquoted')
      return this.attribute(t.text, t, `\`${t.text}\``);
    if (t.kind !== 'word') this.fail(t, `expected an identifier, found ${this.describe(t)}`);
    const dot = t.text.indexOf('.');
    if (dot < 0) return this.attribute(t.text, t, t.text);
    const prefix = t.text.slice(0, dot);
    const kind = this.vocab.prefixes[prefix.toLowerCase()];
    if (!kind) {
      const known = Object.keys(this.vocab.prefixes).join(', ');
      this.fail(t, `unknown identifier prefix '${prefix}' (expected one of: ${known})`);
    }
    let key = t.text.slice(dot + 1);
    let text = t.text;
    // `tags.` or `span.attributes.` followed by a glued quoted key: the quoted part ends the key
    const q = this.peek();
    const quotedNext = (q.kind === 'backquoted' || q.kind === 'dquoted') && q.glued;
    if (key === '' || (key.endsWith('.') && quotedNext)) {
      if (!quotedNext) this.fail(q, `expected a key after '${t.text}'`);
      this.next();
      key += q.text;
      text = `${t.text}\`${q.text}\``;
    }
    if (key === '') this.fail(t, `empty key in ${text}`);
    if (kind === 'attribute') return this.attribute(key, t, text);
    if (kind === 'dataset' && !this.vocab.datasetKeys.includes(key)) {
      this.fail(
        t,
        `unknown dataset key '${key}' (expected one of: ${this.vocab.datasetKeys.join(', ')})`,
      );
    }
    return { kind, key, fn: null, offset: t.offset, text };
  }

  private attribute(name: string, t: Token, text: string): Identifier {
    const key = this.vocab.attributes[name] ?? this.vocab.attributes[name.toLowerCase()];
    if (!key) {
      const known = [...new Set(Object.values(this.vocab.attributes))].join(', ');
      this.fail(t, `unknown attribute '${name}' (expected one of: ${known})`);
    }
    return { kind: 'attribute', key, fn: null, offset: t.offset, text };
  }
}

/**
 * Parses a filter string into its clauses.
 *
 * @throws ValidationError (INVALID_PARAMETER_VALUE) naming the character offset and the reason.
 */
export function parseFilter(
  src: string | null | undefined,
  vocab: Vocabulary,
  field = 'filter',
): Filter {
  if (!src || src.trim() === '') return { clauses: [] };
  return new Parser(src, vocab, field).filter();
}

/**
 * Parses `orderBy` strings; an identifier given twice is rejected.
 *
 * @throws ValidationError on `orderBy[i]` naming the offset and the reason.
 */
export function parseOrderBy(
  list: readonly string[] | null | undefined,
  vocab: Vocabulary,
): OrderClause[] {
  const out: OrderClause[] = [];
  const seen = new Set<string>();
  (list ?? []).forEach((src, i) => {
    const field = `orderBy[${i}]`;
    const clause = new Parser(src, vocab, field).order();
    const id = `${clause.ident.fn ?? ''}|${clause.ident.kind}|${clause.ident.key}`;
    if (seen.has(id))
      throw syntaxError(field, 0, `${clause.ident.text} is ordered by more than once`);
    seen.add(id);
    out.push(clause);
  });
  return out;
}

/**
 * Parses the field name of a structured order entry (`{fieldName, ascending}`, as logged-model
 * search takes): one identifier the vocabulary can order by, without a direction.
 *
 * @throws ValidationError on `field` naming the offset and the reason.
 */
export function parseOrderField(src: string, vocab: Vocabulary, field: string): Identifier {
  return new Parser(src, vocab, field).orderField();
}
