import { LIMITS } from '../../shared/limits.ts';
import { codePoints } from '../../shared/validation.ts';

type Role = 'user' | 'assistant';
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Cuts `s` to the preview limit; when cut, the last 3 characters become `...` (MLflow). */
export function cutPreview(s: string, max: number = LIMITS.maxTracePreviewLength): string {
  if (codePoints(s) <= max) return s;
  return `${Array.from(s)
    .slice(0, max - 3)
    .join('')}...`;
}

function messagesOf(value: unknown): unknown[] | null {
  if (!isObject(value)) return null;
  if (Array.isArray(value.messages)) return value.messages;
  const choices = value.choices;
  if (Array.isArray(choices) && isObject(choices[0]) && isObject(choices[0].message)) {
    return [choices[0].message];
  }
  if (Array.isArray(value.input)) return value.input;
  if (Array.isArray(value.output)) return value.output;
  if (isObject(value.request)) return messagesOf(value.request);
  return null;
}

function textOf(content: unknown): string | null {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return null;
  for (const part of content) {
    if (typeof part === 'string') return part;
    if (isObject(part) && (part.type === 'text' || part.type === 'output_text')) {
      if (typeof part.text === 'string') return part.text;
    }
  }
  return null;
}

/**
 * The preview of a root span's inputs (`user`) or outputs (`assistant`), as MLflow's clients
 * compute it: the text of the last chat message with that role (else the last message) when the
 * value holds chat messages, otherwise the value's JSON text; cut to 1000 characters.
 */
export function previewOf(value: unknown, role: Role): string {
  const messages = messagesOf(value)?.filter(isObject);
  if (messages && messages.length > 0) {
    const message = messages.findLast((m) => m.role === role) ?? messages.at(-1)!;
    const text = textOf(message.content);
    if (text !== null) return cutPreview(text);
  }
  return cutPreview(JSON.stringify(value) ?? 'null');
}
