import type { TargetKind, TargetSpec } from '../types.js';
import { createAnthropicTarget } from './anthropic.js';
import { createBuiltinTarget } from './builtin/index.js';
import { createExecTarget } from './exec.js';
import { createHttpTarget } from './http.js';
import { createOpenAITarget } from './openai.js';
import type { Env, Target } from './types.js';

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
  return factory(spec as never, env);
}

/** Build every target and run its preflight check before any conversation starts. */
export async function createTargets(specs: readonly TargetSpec[], env: Env): Promise<Target[]> {
  const targets = await Promise.all(specs.map((spec) => createTarget(spec, env)));
  await Promise.all(targets.map((target) => target.preflight?.()));
  return targets;
}
