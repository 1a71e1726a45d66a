import { UserError } from '../errors.js';
import type { Message, TargetSpec } from '../types.js';
import { classifyError } from './classify.js';
import { buildHeaders, parseEndpoint } from './headers.js';
import { assertReachable } from './reachable.js';
import { redactUrl } from './redact.js';
import { registerSecret } from './secrets.js';
import type { Env, ReplyOutcome, Target } from './types.js';

type OpenAISpec = Extract<TargetSpec, { kind: 'openai' }>;
const OPENAI_URL = 'https://api.openai.com/v1';

/** A chat model behind the OpenAI API or any OpenAI-compatible server (vLLM, Ollama, llama.cpp, gateways). */
export async function createOpenAITarget(spec: OpenAISpec, env: Env): Promise<Target> {
  const baseURL = spec.baseURL ?? (env.OPENAI_BASE_URL || OPENAI_URL);
  const keyName = spec.apiKeyEnv ?? 'OPENAI_API_KEY';
  const official = parseEndpoint(spec.id, baseURL, spec.baseURL ? 'baseURL' : 'OPENAI_BASE_URL').hostname === 'api.openai.com';
  const headers = buildHeaders(spec.id, spec.headers, env);
  const apiKey = env[keyName];
  registerSecret(apiKey);
  if (!apiKey && (official || spec.apiKeyEnv)) {
    throw new UserError(`target ${spec.id}: ${keyName} is not set; export it, or point OPENAI_BASE_URL at a local OpenAI-compatible server`);
  }
  const { default: OpenAI } = await import('openai');
  // Local servers usually take no key; the SDK insists on one, and they ignore it.
  const client = new OpenAI({ apiKey: apiKey ?? 'no-key', baseURL, maxRetries: 0, timeout: spec.timeoutMs ?? 600_000, defaultHeaders: headers });
  const system: Message[] = spec.systemPrompt ? [{ role: 'system', content: spec.systemPrompt }] : [];
  return {
    id: spec.id,
    kind: 'openai',
    description: `openai ${spec.model} @ ${redactUrl(baseURL)}`,
    cacheIdentity: JSON.stringify(['openai', spec.model, baseURL, spec.systemPrompt, spec.temperature, spec.maxTokens, spec.seed]),
    deterministic: spec.temperature === 0,
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    preflight: () => assertReachable(spec.id, baseURL, 'is the server running, and is OPENAI_BASE_URL (or baseURL) right?'),
    async reply(messages, ctx): Promise<ReplyOutcome> {
      try {
        const response = await client.chat.completions.create(
          {
            model: spec.model,
            messages: [...system, ...messages],
            ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
            // OpenAI's own newer models only take max_completion_tokens; compatible servers know max_tokens.
            ...(spec.maxTokens === undefined ? {} : official ? { max_completion_tokens: spec.maxTokens } : { max_tokens: spec.maxTokens }),
            ...(spec.seed === undefined ? {} : { seed: spec.seed }),
          },
          { signal: ctx.signal },
        );
        const choice = response.choices?.[0];
        if (!choice?.message) return { kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: 'response has no choices[0].message' } };
        const text = choice.message.content ?? choice.message.refusal ?? '';
        const usage = response.usage
          ? { inputTokens: response.usage.prompt_tokens, outputTokens: response.usage.completion_tokens }
          : undefined;
        return { kind: 'reply', text, ...(usage ? { usage } : {}), ...(response.model ? { model: response.model } : {}) };
      } catch (error) {
        return { kind: 'failure', failure: classifyError(error, ctx.signal) };
      }
    },
  };
}
