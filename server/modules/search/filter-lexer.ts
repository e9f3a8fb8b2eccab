import { ValidationError } from '../../shared/errors.ts';

/** Token kinds of the search grammar. */
export type TokenKind =
  | 'word'
  | 'backquoted'
  | 'dquoted'
  | 'squoted'
  | 'number'
  | 'op'
  | '('
  | ')'
  | ','
  | 'eof';

/** A token and where it starts in the source. */
export interface Token {
  kind: TokenKind;
  /** The token's text; for quoted tokens, the content without quotes. */
  text: string;
  offset: number;
  /** True when the token follows the previous one with no whitespace between them. */
  glued: boolean;
}

const WORD_START = /[A-Za-z_]/;
const WORD_CHAR = /[\w.]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const OPERATORS = ['<=', '>=', '!=', '<>', '=', '<', '>'];
const QUOTES: Record<string, TokenKind> = { '`': 'backquoted', '"': 'dquoted', "'": 'squoted' };

/** A ValidationError naming the character offset in the filter or order string. */
export function syntaxError(field: string, offset: number, message: string): ValidationError {
  return new ValidationError(field, `Invalid ${field} at character ${offset}: ${message}`);
}

/**
 * Splits a filter or order string into tokens.
 *
 * @remarks Quoted strings have no escape processing (as in MLflow): a quote ends at the next quote
 * of the same kind. Words hold letters, digits, `_` and `.`, so `metrics.a.b` is one word.
 */
export function tokenize(src: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let glued = false;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      glued = false;
      continue;
    }
    const start = i;
    const push = (kind: TokenKind, text: string, end: number) => {
      tokens.push({ kind, text, offset: start, glued });
      i = end;
      glued = true;
    };
    const quote = QUOTES[c];
    if (quote) {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw syntaxError(field, start, `unterminated quoted string starting ${c}`);
      push(quote, src.slice(i + 1, close), close + 1);
      continue;
    }
    const num = NUMBER.exec(src.slice(i));
    const prev = tokens.at(-1);
    const signAllowed = !(c === '+' || c === '-') || !prev || prev.kind === 'op';
    if (num && signAllowed && /[\d.+-]/.test(c)) {
      push('number', num[0], i + num[0].length);
      continue;
    }
    if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < src.length && WORD_CHAR.test(src[j]!)) j++;
      push('word', src.slice(i, j), j);
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      push('op', op === '<>' ? '!=' : op, i + op.length);
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      push(c, c, i + 1);
      continue;
    }
    throw syntaxError(field, start, `unexpected character '${c}'`);
  }
  tokens.push({ kind: 'eof', text: '', offset: src.length, glued: false });
  return tokens;
}
