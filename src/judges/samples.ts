import type { Score } from '../types.js';

/**
 * k judgements of one criterion as one score: the median level (the lower middle when k is even, so
 * doubt does not raise a score), passed when most of the samples that scored passed (a judge error is
 * no vote), and every sample's score kept so unstable criteria show. The rationale and evidence come
 * from a sample at the median. A score is an error only when every sample was.
 */
export function aggregateSamples(samples: readonly Score[]): Score {
  if (samples.length === 1) return samples[0]!;
  const scored = samples.filter((s) => s.status === 'scored').sort((a, b) => a.score - b.score);
  const values = samples.map((s) => s.score);
  const unverified = samples.flatMap((s) => s.unverified ?? []);
  if (scored.length === 0) return { ...samples[0]!, samples: values };
  const median = scored[Math.floor((scored.length - 1) / 2)]!;
  const passedCount = scored.filter((s) => s.passed).length;
  const { unverified: _own, ...rest } = median;
  return {
    ...rest,
    passed: passedCount * 2 > scored.length,
    rationale: `median of ${samples.length} samples (${values.map((v) => (v === null ? 'error' : v)).join(', ')}): ${median.rationale}`,
    samples: values,
    ...(unverified.length > 0 ? { unverified } : {}),
  };
}
