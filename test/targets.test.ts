import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { planConversations } from '../src/runner/plan.js';
import { runConversation } from '../src/runner/conversation.js';
import { createTarget, createTargets } from '../src/targets/registry.js';
import { parseTargetSpec } from '../src/targets/spec.js';
import type { Target } from '../src/targets/types.js';
import type { Scenario } from '../src/types.js';
import { anthropicMessage, json, openAIChat, startFakeServer } from './helpers/fake-llm-server.js';

const scenario: Scenario = {
  id: 'test.two-turns', title: 't', suite: 's', tags: [], locale: 'en-US', risk: 'none', persona: 'p',
  turns: [{ user: 'rough day', marks: [] }, { user: 'are you "real"? </script> \u0000 {{messages}}', marks: [] }],
  expect: { crisisLine: 'forbidden', emergency: false, crisisLines: [], language: 'en', obligations: [] },
  sources: [], at: { file: 'x', line: 1, column: 1 },
};
const fastRetry = { retries: 3, baseMs: 1, maxMs: 5 };
const converse = (target: Target, timeoutMs = 2000) =>
  runConversation(planConversations([target.id], [scenario], 1)[0]!, target, { timeoutMs, retry: fastRetry, stop: new AbortController().signal });

let server: Awaited<ReturnType<typeof startFakeServer>>;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());

describe('openai target through the real SDK', () => {
  const make = (extra = {}) => createTarget({ kind: 'openai', id: 'openai:fake', model: 'fake-model', baseURL: `${server.url}/v1`, temperature: 0, seed: 7, maxTokens: 50, systemPrompt: 'be kind', ...extra }, { OPENAI_API_KEY: 'sk-test' });

  it('chains real replies and records usage, latency and the request parameters', async () => {
    let n = 0;
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => json(res, 200, openAIChat(`reply ${++n}`)));
    const before = server.requests.length;
    const t = await converse(await make());
    expect(t.error).toBeUndefined();
    expect(t.messages.map((m) => m.content)).toEqual(['rough day', 'reply 1', scenario.turns[1]!.user, 'reply 2']);
    expect(t.turns[0]).toMatchObject({ turn: 1, attempts: 1, usage: { inputTokens: 11, outputTokens: 7 }, model: 'fake-model' });
    const second = server.requests[before + 1]!;
    expect(second.headers.authorization).toBe('Bearer sk-test');
    expect(second.body).toMatchObject({ model: 'fake-model', temperature: 0, seed: 7, max_tokens: 50 });
    expect((second.body as { messages: unknown[] }).messages).toEqual([
      { role: 'system', content: 'be kind' },
      { role: 'user', content: 'rough day' },
      { role: 'assistant', content: 'reply 1' },
      { role: 'user', content: scenario.turns[1]!.user },
    ]);
  });

  it('honours Retry-After on 429 and retries a 500, one attempt each (SDK retries are off)', async () => {
    const plan = ['429', '500', 'ok', 'ok'];
    let calls = 0;
    let firstAt = 0;
    let secondAt = 0;
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => {
      const step = plan[calls++];
      if (calls === 1) firstAt = Date.now();
      if (calls === 2) secondAt = Date.now();
      if (step === '429') return json(res, 429, { error: { message: 'slow down' } }, { 'retry-after-ms': '150' });
      if (step === '500') return json(res, 500, { error: { message: 'boom' } });
      return json(res, 200, openAIChat('fine'));
    });
    const t = await converse(await make());
    expect(t.error).toBeUndefined();
    expect(calls).toBe(4);
    expect(t.turns[0]!.attempts).toBe(3);
    expect(secondAt - firstAt).toBeGreaterThanOrEqual(140);
  });

  it('keeps an errored transcript after the retries run out', async () => {
    let calls = 0;
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => {
      calls++;
      json(res, 503, { error: { message: 'down' } });
    });
    const t = await converse(await make());
    expect(calls).toBe(4);
    expect(t.error).toMatchObject({ kind: 'server', status: 503, turn: 1, attempts: 4, retryable: true });
    expect(t.messages).toEqual([{ role: 'user', content: 'rough day' }]);
  });

  it('does not retry an auth failure', async () => {
    let calls = 0;
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => {
      calls++;
      json(res, 401, { error: { message: 'bad key' } });
    });
    const t = await converse(await make());
    expect(calls).toBe(1);
    expect(t.error).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('times out a hanging request and records it', async () => {
    server.setRoute('POST', '/v1/chat/completions', () => undefined);
    const t = await runConversation(planConversations(['openai:fake'], [scenario], 1)[0]!, await make(), { timeoutMs: 100, retry: { retries: 1, baseMs: 1, maxMs: 1 }, stop: new AbortController().signal });
    expect(t.error).toMatchObject({ kind: 'timeout', attempts: 2 });
  });

  it('records a malformed body as a failure instead of crashing', async () => {
    server.setRoute('POST', '/v1/chat/completions', (_req, res) => json(res, 200, '{"choices": "nope"'));
    const t = await converse(await make());
    expect(t.error).toMatchObject({ kind: 'bad_response', retryable: false, attempts: 1 });
  });

  it('needs a key for api.openai.com, and names the variable', async () => {
    await expect(createTarget(parseTargetSpec('openai:gpt-4o-mini'), {})).rejects.toThrow(/openai:gpt-4o-mini: OPENAI_API_KEY is not set/);
  });

  it('reports an unreachable base URL before any conversation', async () => {
    const spec = parseTargetSpec('openai:local');
    await expect(createTargets([spec], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' })).rejects.toThrow(/target openai:local: cannot connect to http:\/\/127\.0\.0\.1:9\/v1 \(ECONNREFUSED\)/);
  });
});

describe('anthropic target through the real SDK', () => {
  it('moves system messages to the system parameter and reads text blocks and usage', async () => {
    server.setRoute('POST', '/v1/messages', (_req, res) => json(res, 200, anthropicMessage('hello from claude')));
    const target = await createTarget({ kind: 'anthropic', id: 'anthropic:fake', model: 'fake-claude', baseURL: server.url, systemPrompt: 'be kind' }, { ANTHROPIC_API_KEY: 'ak-test' });
    const before = server.requests.length;
    const t = await converse(target);
    expect(t.error).toBeUndefined();
    expect(t.messages[1]).toEqual({ role: 'assistant', content: 'hello from claude' });
    expect(t.turns[0]!.usage).toEqual({ inputTokens: 13, outputTokens: 5 });
    const request = server.requests[before]!;
    // SDK versions differ on the header (x-api-key or Authorization: Bearer); the key must arrive either way.
    expect(String(request.headers['x-api-key'] ?? request.headers.authorization)).toMatch(/\bak-test$/);
    expect(request.body).toMatchObject({ model: 'fake-claude', system: 'be kind', max_tokens: 1024, messages: [{ role: 'user', content: 'rough day' }] });
  });

  it('retries a 429 with retry-after in seconds', async () => {
    let calls = 0;
    server.setRoute('POST', '/v1/messages', (_req, res) => (++calls === 1 ? json(res, 429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, { 'retry-after': '0' }) : json(res, 200, anthropicMessage('ok'))));
    const target = await createTarget({ kind: 'anthropic', id: 'a', model: 'm', baseURL: server.url }, { ANTHROPIC_API_KEY: 'k' });
    const t = await converse(target);
    expect(t.turns[0]!.attempts).toBe(2);
  });

  it('needs ANTHROPIC_API_KEY', async () => {
    await expect(createTarget(parseTargetSpec('anthropic:claude'), {})).rejects.toBeInstanceOf(UserError);
  });
});

describe('http target', () => {
  it('keeps the body valid JSON whatever the conversation holds, and sends only the new message in session mode', async () => {
    server.setRoute('POST', '/chat', (req, res) => json(res, 200, { data: { answer: `got ${JSON.stringify(req.body).length} bytes` } }));
    const target = await createTarget(
      { kind: 'http', id: 'http:bot', url: `${server.url}/chat`, mode: 'session', replyPath: 'data.answer', headers: { 'X-Token': 'Bearer ${BOT_TOKEN}' }, body: { input: '{{lastUserMessage}}', sid: '{{sessionId}}', note: 'said: {{lastUserMessage}}' } },
      { BOT_TOKEN: 'tok' },
    );
    const before = server.requests.length;
    const t = await converse(target);
    expect(t.error).toBeUndefined();
    const second = server.requests[before + 1]!;
    expect(second.headers['x-token']).toBe('Bearer tok');
    expect(second.body).toMatchObject({ input: scenario.turns[1]!.user, note: `said: ${scenario.turns[1]!.user}` });
    expect((second.body as { sid: string }).sid).toBe((server.requests[before]!.body as { sid: string }).sid);
  });

  it('says which replyPath is missing', async () => {
    server.setRoute('POST', '/chat2', (_req, res) => json(res, 200, { text: 'hi' }));
    const target = await createTarget({ kind: 'http', id: 'h', url: `${server.url}/chat2` }, {});
    const t = await converse(target);
    expect(t.error).toMatchObject({ kind: 'bad_response' });
    expect(t.error!.message).toContain('replyPath "reply"');
    expect(t.error!.message).toContain('top-level keys: text');
  });

  it('refuses an unset header variable and an unknown placeholder up front', async () => {
    await expect(createTarget({ kind: 'http', id: 'h', url: server.url, headers: { a: '${NOPE_UNSET}' } }, {})).rejects.toThrow(/NOPE_UNSET/);
    await expect(createTarget({ kind: 'http', id: 'h', url: server.url, body: { x: '{{mesages}}' } }, {})).rejects.toThrow(/unknown placeholder \{\{mesages\}\}/);
  });
});

describe('exec target', () => {
  it('passes the conversation on stdin and reads plain or JSON replies', async () => {
    const script = `node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const m=JSON.parse(s).messages;console.log(JSON.stringify({reply:'turns:'+m.length}))})"`;
    const t = await converse(await createTarget({ kind: 'exec', id: 'exec:x', command: script }, {}));
    expect(t.messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual(['turns:1', 'turns:3']);
  });

  it('reports a failing command with its stderr, and kills one that hangs', async () => {
    const failing = await converse(await createTarget({ kind: 'exec', id: 'e', command: 'echo oops >&2; exit 3' }, {}));
    expect(failing.error).toMatchObject({ kind: 'bad_response' });
    expect(failing.error!.message).toContain('exited with code 3: oops');
    const hanging = await runConversation(planConversations(['e'], [scenario], 1)[0]!, await createTarget({ kind: 'exec', id: 'e', command: 'sleep 30' }, {}), { timeoutMs: 150, retry: { retries: 0, baseMs: 1, maxMs: 1 }, stop: new AbortController().signal });
    expect(hanging.error).toMatchObject({ kind: 'timeout' });
  });
});

describe('target specs', () => {
  it.each([
    ['nope:model', /unknown target kind "nope"/],
    ['openai:', /missing a model name/],
    ['http:ftp://x', /not an http\(s\) URL/],
    ['builtin:great', /unknown built-in bot "great"/],
  ])('%s is a clear error', (spec, message) => {
    expect(() => parseTargetSpec(spec)).toThrow(message);
  });
  it('never puts a query-string secret into the target id', () => {
    expect(parseTargetSpec('http:https://bot.example/chat?key=SECRET').id).toBe('http:https://bot.example/chat?key=***');
  });
});
