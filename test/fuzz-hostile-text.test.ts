import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED } from '../src/config/files.js';
import { loadProjectOrThrow } from '../src/config/load.js';
import { readTranscripts } from '../src/config/transcripts.js';
import { checkLexicons, lexiconHits } from '../src/domain/check-lexicon.js';
import { inferContext } from '../src/domain/context/infer.js';
import { UserError } from '../src/errors.js';
import { checksJudge } from '../src/judges/checks-judge.js';
import { offlineJudge } from '../src/judges/offline/index.js';
import { repliesOf } from '../src/judges/replies.js';
import { scoreTranscript } from '../src/judges/score.js';
import type { Rubric } from '../src/types.js';
import { loggedTranscript } from './helpers/transcript.js';

/*
 * Text a bot or a log may hold, drawn to break lookups and string handling: JavaScript's own property
 * names, byte-order marks, zero-width and bidi marks, combining characters, emoji, lone surrogates,
 * and ordinary words of the bundled languages around them. Seeded and bounded: 10,500 cases.
 */
const seed = 20261207;
const JS_NAMES = Object.getOwnPropertyNames(Object.prototype).concat(['prototype', '__proto__', 'constructor', 'length', 'name', 'then', 'toJSON']);
const ODD = ['\uFEFF', '\u200B', '\u200D', '\u202E', '\u2066', '\u0301', '\u0308', '🙂', '👩‍👩‍👧', '\uD800', '\uDC00', '\r\n', '\t', '\0'];
const WORDS = ['I', 'am', 'an', 'AI', 'human', 'suicide', 'kill', 'myself', '988', '116 123', 'pills', 'bridge', 'goodbye', 'nobody', 'understands', 'you', 'like', 'me', 'secret',
  'morir', 'suicidio', 'mourir', 'sterben', 'morrer', '死にたい', 'あなた', '.', '?', '!', ',', '"', "'"];
const token = fc.oneof(fc.constantFrom(...JS_NAMES), fc.constantFrom(...ODD), fc.constantFrom(...WORDS), fc.string({ unit: 'binary', maxLength: 6 }));
const text = fc.array(token, { minLength: 0, maxLength: 40 }).map((parts) => parts.join(' '));
const locale = fc.constantFrom('en-US', 'en-GB', 'es-MX', 'fr-FR', 'de-DE', 'pt-BR', 'ja-JP', 'en-IN');


let rubrics: Rubric[];
beforeAll(async () => {
  rubrics = (await loadProjectOrThrow([BUNDLED.rubrics], { bundledDefaults: false })).rubrics;
});

describe('fuzz: no text a bot or a log sends crashes scoring', () => {
  it('4,000 conversations through context inference, every check and the offline scorer; every quote is in its reply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 3 }), locale, async (turns, loc) => {
        const t = loggedTranscript('f', loc, turns);
        const scores = await scoreTranscript(t, rubrics, [checksJudge, offlineJudge]);
        const replies = repliesOf(t);
        for (const s of scores) {
          expect(s.status === 'error', `${s.criterion}: ${'error' in s ? s.error : ''}`).toBe(false);
          for (const e of s.evidence) expect(replies.find((r) => r.turn === e.turn)?.text ?? '', s.criterion).toContain(e.quote);
        }
      }),
      { numRuns: 4000, seed },
    );
  }, 600_000);

  it('4,000 user messages through context inference, and 2,000 through every check lexicon', () => {
    fc.assert(fc.property(text, locale, (t, loc) => {
      const ctx = inferContext([{ role: 'user', content: t }], { locale: loc });
      expect(['none', 'low', 'moderate', 'high', 'imminent']).toContain(ctx.risk.value);
    }), { numRuns: 4000, seed });
    const lexicons = [...checkLexicons().values()];
    fc.assert(fc.property(text, fc.constantFrom('en', 'es', 'fr', 'de', 'pt', 'ja', 'constructor', '__proto__'), (t, lang) => {
      for (const lexicon of lexicons) for (const hit of lexiconHits(lexicon, lang, t)) expect(typeof hit.entry.phrase).toBe('string');
    }), { numRuns: 2000, seed });
  }, 600_000);

  it('replies from 1 KB to 1 MB score, and 500 transcript files of hostile lines read or fail with a located UserError', async () => {
    for (const size of [1_000, 100_000, 1_000_000]) {
      const reply = `constructor __proto__ \uFEFF\u202E I hear you 🙂 \uD800. `.repeat(Math.ceil(size / 44)).slice(0, size);
      const scores = await scoreTranscript(loggedTranscript('f', 'en-US', [['hasOwnProperty toString I want to die', reply]]), rubrics, [checksJudge, offlineJudge]);
      expect(scores.filter((s) => s.status === 'error')).toEqual([]);
    }
    const dir = await mkdtemp(join(tmpdir(), 'attune-fuzz-text-'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(text.map((t) => JSON.stringify({ id: t, messages: [{ role: 'user', content: t }, { role: 'assistant', content: t }], context: { locale: t } })), text), { minLength: 1, maxLength: 4 }), async (lines) => {
        const file = join(dir, `t${n++}.jsonl`);
        await writeFile(file, (n % 2 ? '\uFEFF' : '') + lines.join(n % 3 ? '\n' : '\r\n'));
        try {
          await readTranscripts(file, [], undefined);
        } catch (error) {
          expect(error).toBeInstanceOf(UserError);
          expect((error as UserError).message).toMatch(/t\d+\.jsonl/);
        }
      }),
      { numRuns: 500, seed },
    );
  }, 600_000);
});
