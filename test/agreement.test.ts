import { describe, expect, it } from 'vitest';
import { accuracy, categories, confusion, krippendorffAlpha, spearman, weightedKappa } from '../src/stats/agreement.js';

describe('agreement statistics on known numbers', () => {
  it("Cohen's kappa, two categories: po 0.75, pe 0.5 → 0.5", () => {
    expect(weightedKappa([0, 0, 1, 1], [0, 1, 1, 1])).toBeCloseTo(0.5, 10);
  });
  it('quadratic weighted kappa: perfect agreement 1, full reversal of three categories −1', () => {
    expect(weightedKappa([0, 0.5, 1], [0, 0.5, 1])).toBe(1);
    expect(weightedKappa([0, 0.5, 1], [1, 0.5, 0])).toBeCloseTo(-1, 10);
  });
  it('quadratic weights punish far misses more than near ones', () => {
    const near = weightedKappa([0, 0.5, 1, 1, 0], [0, 0.5, 0.5, 1, 0]);
    const far = weightedKappa([0, 0.5, 1, 1, 0], [0, 0.5, 0, 1, 0]);
    expect(near).toBeGreaterThan(far);
  });
  it("Spearman's rho with ties: 8 / √(10 × 9.5)", () => {
    // Ranks 1..5 against 1, 2, 3.5, 5, 3.5 (the two 7s share 3.5); deviations from 3:
    // cov = 4 + 1 + 0 + 2 + 1 = 8, var = 10 and 4 + 1 + 0.25 + 4 + 0.25 = 9.5.
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(8 / Math.sqrt(95), 10);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 10);
  });
  it('accuracy and the confusion matrix', () => {
    const a = [0, 0, 1, 1, 0.5];
    const b = [0, 1, 1, 1, 0.5];
    expect(accuracy(a, b)).toBeCloseTo(0.8, 10);
    expect(confusion(a, b, categories(a, b))).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [0, 0, 2],
    ]);
  });
  it("Krippendorff's alpha on Krippendorff's own example (4 coders, 12 units, missing data)", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": nominal 0.743, interval 0.849.
    const coders = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    const units = coders[0]!.map((_, u) => coders.map((c) => c[u]).filter((v): v is number => v !== null));
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
  });
});
