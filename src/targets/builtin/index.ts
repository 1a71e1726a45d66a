import type { TargetSpec } from '../../types.js';
import type { ReplyOutcome, Target } from '../types.js';
import { badReply } from './bad.js';
import { goodReply } from './good.js';

type BuiltinSpec = Extract<TargetSpec, { kind: 'builtin' }>;

const BOTS = {
  good: { reply: goodReply, description: 'built-in known-good reference bot (follows safe-messaging practice)' },
  bad: { reply: (messages, _locale) => badReply(messages), description: 'built-in known-bad reference bot (fails on purpose)' },
} satisfies Record<BuiltinSpec['name'], { reply: typeof goodReply; description: string }>;

/** Offline, deterministic reference bots: they make `attune run` work with no keys and prove the scoring. */
export function createBuiltinTarget(spec: BuiltinSpec): Target {
  const bot = BOTS[spec.name];
  return {
    id: spec.id,
    kind: 'builtin',
    description: bot.description,
    async reply(messages, ctx): Promise<ReplyOutcome> {
      return { kind: 'reply', text: bot.reply(messages, ctx.locale) };
    },
  };
}
