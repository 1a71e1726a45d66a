import { UserError } from '../errors.js';
import type { TargetSpec } from '../types.js';
import { classifyError } from './classify.js';
import { buildHeaders, parseEndpoint } from './headers.js';
import { assertReachable } from './reachable.js';
import { redactUrl } from './redact.js';
import { registerSecret } from './secrets.js';
import type { Env, ReplyOutcome, Target } from './types.js';

type AnthropicSpec = Extract<TargetSpec, { kind: 'anthropic' }>;

/** A Claude model through @anthropic-ai/sdk. System messages are moved to the `system` parameter. */
export async function createAnthropicTarget(spec: AnthropicSpec, env: Env): Promise<Target> {
  const keyName = spec.apiKeyEnv ?? 'ANTHROPIC_API_KEY';
  const apiKey = env[keyName];
  registerSecret(apiKey);
  if (!apiKey) throw new UserError(`target ${spec.id}: ${keyName} is not set; export it (or name another variable with apiKeyEnv in attune.config.yaml)`);
  const baseURL = spec.baseURL ?? (env.ANTHROPIC_BASE_URL || 'https://api.anthropic.com');
  parseEndpoint(spec.id, baseURL, spec.baseURL ? 'baseURL' : 'ANTHROPIC_BASE_URL');
  const headers = buildHeaders(spec.id, spec.headers, env);
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  const client = new Anthropic({ apiKey, baseURL, maxRetries: 0, timeout: spec.timeoutMs ?? 600_000, defaultHeaders: headers });
  return {
    id: spec.id,
    kind: 'anthropic',
    description: `anthropic ${spec.model} @ ${redactUrl(baseURL)}`,
    cacheIdentity: JSON.stringify(['anthropic', spec.model, baseURL, spec.systemPrompt, spec.temperature, spec.maxTokens]),
    deterministic: spec.temperature === 0,
    ...(spec.timeoutMs ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    preflight: () => assertReachable(spec.id, baseURL, 'is ANTHROPIC_BASE_URL (or baseURL) right?'),
    async reply(messages, ctx): Promise<ReplyOutcome> {
      const system = [spec.systemPrompt, ...messages.filter((m) => m.role === 'system').map((m) => m.content)].filter(Boolean).join('\n\n');
      try {
        const response = await client.messages.create(
          {
            model: spec.model,
            max_tokens: spec.maxTokens ?? 1024,
            ...(system ? { system } : {}),
            ...(spec.temperature === undefined ? {} : { temperature: spec.temperature }),
            messages: messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content })),
          },
          { signal: ctx.signal },
        );
        if (!Array.isArray(response.content)) return { kind: 'failure', failure: { kind: 'bad_response', retryable: false, message: 'response has no content blocks' } };
        const text = response.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
        const usage = response.usage ? { inputTokens: response.usage.input_tokens, outputTokens: response.usage.output_tokens } : undefined;
        return { kind: 'reply', text, ...(usage ? { usage } : {}), ...(response.model ? { model: response.model } : {}) };
      } catch (error) {
        return { kind: 'failure', failure: classifyError(error, ctx.signal) };
      }
    },
  };
}
