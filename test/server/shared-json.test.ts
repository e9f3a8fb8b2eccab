import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { markShared, sharedSseEvent } from '../../server/modules/subscriptions/payload-splice.ts';

type Stringified = ExecutionResult & { stringify?: (r: object) => string };

describe('shared result serialisation (SSE)', () => {
  it('gives an error-free result a hidden stringify that returns one cached JSON text', () => {
    const result: Stringified = markShared({ data: { metricsLogged: { seq: 3, values: [1, 2] } } });
    expect(Object.keys(result)).toEqual(['data']);
    expect(JSON.stringify(result)).toBe('{"data":{"metricsLogged":{"seq":3,"values":[1,2]}}}');
    const text = result.stringify!(result);
    expect(text).toBe(JSON.stringify(result));
    // cached: later subscribers get the text computed for the first one
    (result.data as { metricsLogged: { seq: number } }).metricsLogged.seq = 4;
    expect(result.stringify!(result)).toBe(text);
  });

  it('leaves a result with errors to yoga (it rebuilds such results per subscriber)', () => {
    const result: Stringified = markShared({ errors: [new GraphQLError('boom')] });
    expect(result.stringify).toBeUndefined();
  });
});

describe('pushed SSE events', () => {
  it("are yoga's `event: next` bytes for the shared JSON, encoded once for every subscriber", () => {
    const result = markShared({ data: { metricsLogged: { seq: 7, values: [0.5, Number.NaN] } } });
    const bytes = sharedSseEvent(result);
    expect(bytes.toString()).toBe(`event: next\ndata: ${JSON.stringify(result)}\n\n`);
    expect(sharedSseEvent(result)).toBe(bytes);
  });
});
