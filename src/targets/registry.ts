import type { TargetKind, TargetSpec } from '../types.js';
import { createAnthropicTarget } from './anthropic.js';
import { createBuiltinTarget } from './builtin/index.js';
import { createExecTarget } from './exec.js';
import { createHttpTarget } from './http.js';
import { createOpenAITarget } from './openai.js';
import { redactSecrets } from './secrets.js';
import type { Env, ReplyOutcome, Target } from './types.js';

type Factory<K extends TargetKind> = (spec: Extract<TargetSpec, { kind: K }>, env: Env) => Target | Promise<Target>;

/** One factory per target kind; adding a kind to TargetSpec fails the build until it is registered here. */
const FACTORIES = {
  openai: createOpenAITarget,
  anthropic: createAnthropicTarget,
  http: createHttpTarget,
  exec: createExecTarget,
  builtin: createBuiltinTarget,
} satisfies { [K in TargetKind]: Factory<K> };

export async function createTarget(spec: TargetSpec, env: Env): Promise<Target> {
  const factory = FACTORIES[spec.kind] as Factory<typeof spec.kind>;
  return withSecretsRedacted(await factory(spec as never, env));
}

/** Whatever an endpoint sends back (a reply, an error body quoting the request's key) loses every registered secret here, before anything stores it. */
function withSecretsRedacted(target: Target): Target {
  const preflight = target.preflight?.bind(target);
  return {
    ...target,
    async reply(messages: Parameters<Target['reply']>[0], ctx: Parameters<Target['reply']>[1]): Promise<ReplyOutcome> {
      const outcome = await target.reply(messages, ctx);
      return outcome.kind === 'reply'
        ? { ...outcome, text: redactSecrets(outcome.text) }
        : { ...outcome, failure: { ...outcome.failure, message: redactSecrets(outcome.failure.message) } };
    },
    ...(preflight
      ? {
          async preflight() {
            await preflight().catch((error: unknown) => {
              if (error instanceof Error) error.message = redactSecrets(error.message);
              throw error;
            });
          },
        }
      : {}),
  };
}

/** Build every target and run its preflight check before any conversation starts. */
export async function createTargets(specs: readonly TargetSpec[], env: Env): Promise<Target[]> {
  const targets = await Promise.all(specs.map((spec) => createTarget(spec, env)));
  await Promise.all(targets.map((target) => target.preflight?.()));
  return targets;
}
