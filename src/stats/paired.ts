import { bootstrapCI, mean, seededRandom } from './bootstrap.js';

export interface PairedComparison {
  /** Mean of candidate − baseline over the pairs. */
  diff: number;
  ci95: [number, number];
  /** Two-sided p-value of a sign-flip permutation test (exact when there are few pairs). */
  p: number;
  n: number;
}

/**
 * Paired comparison of two sides on the same items (scenarios both ran): the mean difference with
 * a bootstrap interval, and a sign-flip permutation test, which assumes nothing about the
 * distribution of the differences and suits the small, bounded scores here.
 */
export function comparePaired(baseline: readonly number[], candidate: readonly number[], iterations = 10_000, seed = 7): PairedComparison {
  const diffs = candidate.map((c, i) => c - baseline[i]!);
  const n = diffs.length;
  if (n === 0) return { diff: NaN, ci95: [NaN, NaN], p: NaN, n: 0 };
  const observed = Math.abs(mean(diffs));
  const nonZero = diffs.filter((d) => d !== 0);
  let extreme = 0;
  let total = 0;
  if (nonZero.length <= 16) {
    // Every sign pattern: an exact test.
    const patterns = 1 << nonZero.length;
    for (let mask = 0; mask < patterns; mask++) {
      let sum = 0;
      for (let i = 0; i < nonZero.length; i++) sum += mask & (1 << i) ? -nonZero[i]! : nonZero[i]!;
      if (Math.abs(sum / n) >= observed - 1e-12) extreme++;
      total++;
    }
  } else {
    const random = seededRandom(seed);
    for (let it = 0; it < iterations; it++) {
      let sum = 0;
      for (const d of nonZero) sum += random() < 0.5 ? -d : d;
      if (Math.abs(sum / n) >= observed - 1e-12) extreme++;
      total++;
    }
  }
  // Sampled patterns count the observed one too ((k+1)/(n+1)), so a p-value is never exactly 0.
  const p = nonZero.length === 0 ? 1 : nonZero.length <= 16 ? extreme / total : (extreme + 1) / (total + 1);
  return { diff: mean(diffs), ci95: bootstrapCI(diffs), p, n };
}

/**
 * Holm–Bonferroni adjusted p-values, in the order given: with dozens of criteria compared at once,
 * some would pass p < 0.05 by chance; this keeps the chance of any false finding in the family at 5%.
 * Values that are not finite (nothing was paired) stay as they are and do not count in the family.
 */
export function holmAdjusted(p: readonly number[]): number[] {
  const ranked = p.map((value, index) => ({ value, index })).filter((x) => Number.isFinite(x.value)).sort((a, b) => a.value - b.value);
  const out = [...p];
  let running = 0;
  ranked.forEach(({ value, index }, rank) => {
    running = Math.max(running, Math.min(1, (ranked.length - rank) * value));
    out[index] = running;
  });
  return out;
}
