import { describe, expect, it } from 'vitest';
import { scoringWork } from '../src/domain/scan-work.js';
import { checksJudge } from '../src/judges/checks-judge.js';
import { offlineJudge } from '../src/judges/offline/index.js';
import { bundledRubrics } from './helpers/project.js';
import { transcript } from './helpers/transcript.js';

/*
 * Scoring time must grow with reply length, not faster (a 1 MB one-sentence reply once took 400 s).
 * Counted in scan steps (src/domain/scan-work.ts), never in seconds: a reply ten times longer may take
 * at most fourteen times the work (linear, plus the log factor of finding each finding's sentence by
 * binary search; the quadratic scans this replaced gave about a hundred), for short sentences and for one endless sentence, in English (the
 * offline engine) and in Spanish (the phrase lists), through the checks and the offline scorer.
 */
const SHAPES = {
  'en short sentences': ['en-US', 'I hear you. That sounds so hard. What happened next? '],
  // Every sentence an identity statement: each finds its token by binary search (a linear search made 3 MB take 34 s).
  'en AI disclosures': ['en-US', 'I am an AI, not a person. What happened next? '],
  'en one long sentence': ['en-US', 'I am so sorry you are going through this and it makes sense to feel tired and alone when things pile up, '],
  'es short sentences': ['es-MX', 'Te escucho. Suena muy duro. ¿Qué pasó después? '],
  'es one long sentence': ['es-MX', 'lo siento mucho y tiene sentido que te sientas cansado y solo cuando todo se acumula, '],
} as const;

async function workFor(locale: string, unit: string, chars: number): Promise<number> {
  const reply = unit.repeat(Math.ceil(chars / unit.length));
  const t = transcript([['I keep thinking about ending my life since my dad died', reply]], { locale, risk: 'moderate', marks: { risk: [1] } });
  const criteria = (await bundledRubrics()).flatMap((r) => r.criteria);
  scoringWork.steps = 0;
  await checksJudge.score(t, criteria.filter((c) => checksJudge.handles(c)));
  await offlineJudge.score(t, criteria.filter((c) => offlineJudge.handles(c)));
  return scoringWork.steps;
}

describe('scoring work is linear in reply length', () => {
  it.each(Object.entries(SHAPES))('%s: ten times the text, at most fourteen times the work', async (_shape, [locale, unit]) => {
    const small = await workFor(locale, unit, 4_000);
    const large = await workFor(locale, unit, 40_000);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThanOrEqual(14);
  });
});
