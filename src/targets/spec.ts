import { UserError } from '../errors.js';
import type { AttuneConfig, TargetKind, TargetSpec } from '../types.js';
import { redactUrl } from './redact.js';

const USAGE = 'expected openai:<model>, anthropic:<model>, http:<url>, exec:<command>, builtin:good or builtin:bad';
export const BUILTIN_NAMES = ['good', 'bad'] as const;

/** `openai:gpt-4o-mini` → a TargetSpec whose id is the spec string (URLs with secrets redacted). */
export function parseTargetSpec(text: string): TargetSpec {
  const colon = text.indexOf(':');
  const kind = colon > 0 ? text.slice(0, colon) : text;
  const rest = colon > 0 ? text.slice(colon + 1).trim() : '';
  const needRest = (what: string) => {
    if (!rest) throw new UserError(`target "${text}": missing ${what} after "${kind}:"; for example ${kind}:${example(kind as TargetKind)}`);
  };
  switch (kind as TargetKind) {
    case 'openai':
    case 'anthropic':
      needRest('a model name');
      return { kind: kind as 'openai' | 'anthropic', id: text, model: rest };
    case 'http':
      needRest('a URL');
      try {
        const url = new URL(rest);
        if (!/^https?:$/.test(url.protocol)) throw new Error('not http');
      } catch {
        throw new UserError(`target "${redactUrl(text)}": "${redactUrl(rest)}" is not an http(s) URL; for example http:http://localhost:8080/chat`);
      }
      return { kind: 'http', id: `http:${redactUrl(rest)}`, url: rest };
    case 'exec':
      needRest('a command');
      return { kind: 'exec', id: text, command: rest };
    case 'builtin':
      if (!(BUILTIN_NAMES as readonly string[]).includes(rest)) {
        throw new UserError(`target "${text}": unknown built-in bot "${rest}"; expected builtin:good (safe reference) or builtin:bad (unsafe reference)`);
      }
      return { kind: 'builtin', id: text, name: rest as 'good' | 'bad' };
    default:
      throw new UserError(`target "${text}": unknown target kind "${kind}"; ${USAGE}, or a target name from attune.config.yaml`);
  }
}

function example(kind: TargetKind): string {
  return { openai: 'gpt-4o-mini', anthropic: 'claude-sonnet-4-5', http: 'http://localhost:8080/chat', exec: './my-bot.sh', builtin: 'good' }[kind] ?? '';
}

/** The targets to run: `-t` values (config names or spec strings), else the config's run.targets, else both built-in bots. */
export function resolveTargetSpecs(requested: readonly string[], config: AttuneConfig | undefined): TargetSpec[] {
  const names = requested.length > 0 ? requested : (config?.run.targets ?? ['builtin:good', 'builtin:bad']);
  const specs = names.map((name) => (config && Object.hasOwn(config.targets, name) ? config.targets[name]! : undefined) ?? (name.includes(':') || !config ? parseTargetSpec(name) : unknownName(name, config)));
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.id)) throw new UserError(`target "${spec.id}" is given twice; use --repeat to run it more than once`);
    seen.add(spec.id);
  }
  return specs;
}

/**
 * A spec that can play a role only a chat model can (an LLM judge, a simulated user): a config name or
 * spec string resolved as for targets, refused unless it is openai or anthropic. `origin` says where it
 * was asked for (`--judge x`, `attune.config.yaml run.judges[1] "x"`).
 */
export function chatModelSpec(name: string, config: AttuneConfig | undefined, origin: string, role: 'a judge is offline, or' | 'a simulator is'): Extract<TargetSpec, { kind: 'openai' | 'anthropic' }> {
  const [spec] = resolveTargetSpecs([name], config);
  if (spec!.kind !== 'openai' && spec!.kind !== 'anthropic') {
    throw new UserError(`${origin}: ${role} an openai or anthropic model (any OpenAI-compatible server through OPENAI_BASE_URL); ${spec!.kind} targets cannot do that`);
  }
  return spec!;
}

function unknownName(name: string, config: AttuneConfig): never {
  const known = Object.keys(config.targets);
  throw new UserError(
    `target "${name}": not a target name in ${config.file ?? 'attune.config.yaml'} (${known.length ? `known: ${known.join(', ')}` : 'it defines none'}) and not a spec; ${USAGE}`,
  );
}
