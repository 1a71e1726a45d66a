/** Agreement between raters on the same items: the maths behind `attune calibrate`. */

/** Ordered categories from scores on a 0–1 scale (rounded to 2 decimals, so 0.5 and 0.50 agree). */
export function categories(...lists: readonly (readonly number[])[]): number[] {
  return [...new Set(lists.flat().map((v) => Math.round(v * 100) / 100))].sort((a, b) => a - b);
}

const cat = (value: number, cats: readonly number[]) => cats.indexOf(Math.round(value * 100) / 100);

/** counts[i][j]: items rated category i by `a` and j by `b`. */
export function confusion(a: readonly number[], b: readonly number[], cats: readonly number[]): number[][] {
  const m = cats.map(() => cats.map(() => 0));
  a.forEach((v, i) => m[cat(v, cats)]![cat(b[i]!, cats)]!++);
  return m;
}

/** Share of items on which both raters give the same category. */
export function accuracy(a: readonly number[], b: readonly number[]): number {
  return a.filter((v, i) => Math.round(v * 100) === Math.round(b[i]! * 100)).length / a.length;
}

/**
 * Cohen's kappa with quadratic weights over ordered categories (unweighted when there are two):
 * 1 − Σ w·observed / Σ w·expected, w = (i − j)² / (k − 1)².
 */
export function weightedKappa(a: readonly number[], b: readonly number[], cats = categories(a, b)): number {
  const k = cats.length;
  if (k < 2) return 1;
  const n = a.length;
  const m = confusion(a, b, cats);
  const rows = m.map((r) => r.reduce((s, x) => s + x, 0));
  const cols = cats.map((_, j) => m.reduce((s, r) => s + r[j]!, 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      observed += (w * m[i]![j]!) / n;
      expected += (w * rows[i]! * cols[j]!) / (n * n);
    }
  }
  return expected === 0 ? 1 : 1 - observed / expected;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let t = i; t <= j; t++) out[order[t]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** Spearman's rho: Pearson's correlation of the ranks (ties share their mean rank). NaN when a side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  const x = ranks(a);
  const y = ranks(b);
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let cov = 0;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < x.length; i++) {
    cov += (x[i]! - mx) * (y[i]! - my);
    vx += (x[i]! - mx) ** 2;
    vy += (y[i]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? NaN : cov / Math.sqrt(vx * vy);
}

/**
 * Krippendorff's alpha for any number of raters with missing ratings: `units[u]` lists the values
 * the raters gave unit u (units with fewer than two are skipped). `interval` uses squared
 * differences; `nominal` counts any difference as 1. alpha = 1 − D_observed / D_expected.
 */
export function krippendorffAlpha(units: readonly (readonly number[])[], metric: 'interval' | 'nominal' = 'interval'): number {
  const delta = metric === 'interval' ? (x: number, y: number) => (x - y) ** 2 : (x: number, y: number) => (x === y ? 0 : 1);
  const pairable = units.filter((u) => u.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return NaN;
  let observed = 0;
  for (const unit of pairable) {
    let sum = 0;
    for (let i = 0; i < unit.length; i++) for (let j = 0; j < unit.length; j++) if (i !== j) sum += delta(unit[i]!, unit[j]!);
    observed += sum / (unit.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i]!, all[j]!);
  expected /= n * (n - 1);
  return expected === 0 ? 1 : 1 - observed / expected;
}
