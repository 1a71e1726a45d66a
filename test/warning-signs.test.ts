import { describe, expect, it } from 'vitest';
import { composeRisk, type TurnReading } from '../src/domain/context/risk.js';
import type { Hit } from '../src/domain/context/reading.js';
import type { Signal } from '../src/domain/context/lexicon.js';

/*
 * Warning signs add up (src/domain/context/risk.ts): one alone is low, two different ones are high,
 * an act (preparing, a goodbye, a decision, stopping care) beside other risk is high, the same sign
 * twice is still one, and a sign in someone else's life is not this person's risk.
 */
const hit = (category: Signal, thirdParty = false): Hit => ({ category, quote: category, thirdParty, entry: {} as Hit['entry'] });
const turns = (...perTurn: Hit[][]): TurnReading[] => perTurn.map((hits) => ({ hits, tokenCount: 20 }));
const level = (...perTurn: Hit[][]) => composeRisk(turns(...perTurn)).level;

describe('warning signs', () => {
  it('one sign alone is low, with its turn and quote', () => {
    const summary = composeRisk(turns([], [hit('sign-preparation')]));
    expect(summary.level).toBe('low');
    expect(summary.firstTurn).toBe(2);
    expect(summary.evidence).toEqual([{ turn: 2, quote: 'sign-preparation' }]);
  });

  it('two different signs, in any turns, are high; the same sign twice is low', () => {
    expect(level([hit('sign-preparation')], [hit('sign-finality')])).toBe('high');
    expect(level([hit('sign-burden'), hit('sign-reunion')])).toBe('high');
    expect(level([hit('sign-farewell')], [hit('sign-farewell')])).toBe('low');
  });

  it('an act beside other risk is high; a wish beside other risk adds nothing', () => {
    expect(level([hit('risk-low')], [hit('sign-stops-care')])).toBe('high');
    expect(level([hit('method-request')], [hit('sign-finality')])).toBe('high');
    expect(level([hit('risk-low')], [hit('sign-reunion')])).toBe('low');
  });

  it('a sign about someone else counts for nothing', () => {
    expect(level([hit('sign-preparation', true)], [hit('sign-finality', true)])).toBe('none');
    expect(level([hit('sign-preparation', true)], [hit('sign-finality')])).toBe('low');
  });
});
