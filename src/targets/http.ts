import { UserError } from '../errors.js';
import type { Message, TargetSpec } from '../types.js';
import { classifyError, classifyStatus, oneLine } from './classify.js';
import { assertReachable } from './reachable.js';
import { buildHeaders, parseEndpoint } from './headers.js';
import { redactUrl } from './redact.js';
import type { Env, ReplyOutcome, Target } from './types.js';

type HttpSpec = Extract<TargetSpec, { kind: 'http' }>;

const PLACEHOLDERS = ['messages', 'lastUserMessage', 'sessionId'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
type Vars = Record<Placeholder, unknown>;

const DEFAULT_BODY = {
  history: { messages: '{{messages}}', session_id: '{{sessionId}}' },
  session: { message: '{{lastUserMessage}}', session_id: '{{sessionId}}' },
};

/**
 * A generic JSON chatbot API. The body template is a JSON value; placeholders are substituted in the
 * parsed value (never by string splicing), so the request stays valid JSON whatever the conversation holds.
 */
export async function createHttpTarget(spec: HttpSpec, env: Env): Promise<Target> {
  const mode = spec.mode ?? 'history';
  const template = spec.body ?? DEFAULT_BODY[mode];
  const unknown = unknownPlaceholders(template);
  if (unknown.length > 0) {
    throw new UserError(`target ${spec.id}: unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')} in body; expected ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`);
  }
  parseEndpoint(spec.id, spec.url, 'url');
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...buildHeaders(spec.id, spec.headers, env) };
  const replyPath = (spec.replyPath ?? 'reply').split('.');
  return {
    id: spec.id,
    kind: 'http',
    description: `http ${spec.method ?? 'POST'} ${redactUrl(spec.url)} (${mode})`,
    // A bot that keeps the conversation server-side cannot have earlier turns replayed from a cache.
    ...(mode === 'history' ? { cacheIdentity: JSON.stringify(['http', spec.url, spec.method, template, spec.replyPath]) } : {}),
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    preflight: () => assertReachable(spec.id, spec.url, 'is the bot running, and is the url right?'),
    async reply(messages, ctx): Promise<ReplyOutcome> {
      const lastUser = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
      const sent: Message[] = mode === 'session' ? [{ role: 'user', content: lastUser }] : [...messages];
      const body = render(template, { messages: sent, lastUserMessage: lastUser, sessionId: ctx.sessionId });
      try {
        const response = await fetch(spec.url, { method: spec.method ?? 'POST', headers, body: JSON.stringify(body), signal: ctx.signal });
        const text = await response.text();
        if (!response.ok) return { kind: 'failure', failure: classifyStatus(response.status, text, response.headers) };
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return { kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: `response is not JSON: ${oneLine(text, 120)}` } };
        }
        const reply = dig(json, replyPath);
        if (typeof reply !== 'string') {
          const keys = json && typeof json === 'object' ? Object.keys(json).join(', ') : typeof json;
          return { kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: `no string at replyPath "${replyPath.join('.')}" in the response (top-level keys: ${keys}); set replyPath` } };
        }
        return { kind: 'reply', text: reply };
      } catch (error) {
        return { kind: 'failure', failure: classifyError(error, ctx.signal) };
      }
    },
  };
}

/** Substitute placeholders in a parsed JSON template: `"{{messages}}"` alone becomes the value itself. */
export function render(template: unknown, vars: Vars): unknown {
  if (typeof template === 'string') {
    const whole = /^\{\{(\w+)\}\}$/.exec(template);
    if (whole && whole[1]! in vars) return vars[whole[1] as Placeholder];
    return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
      if (!(name in vars)) return match;
      const value = vars[name as Placeholder];
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(template)) return template.map((item) => render(item, vars));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, render(value, vars)]));
  }
  return template;
}

function unknownPlaceholders(template: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\{\{(\w+)\}\}/g)) if (!PLACEHOLDERS.includes(m[1] as Placeholder)) found.add(m[1]!);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(template);
  return [...found];
}

function dig(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
