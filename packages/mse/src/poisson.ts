// Poisson probabilities for the stepwise test, computed by summing the probability mass
// directly so that tiny tail probabilities keep their order (the step picks the smallest).

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log P(X = k) for X ~ Poisson(lambda). */
export function poissonLogPmf(k: number, lambda: number): number {
  if (lambda === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  return k * Math.log(lambda) - lambda - logGamma(k + 1);
}

/** P(X ≤ k). */
export function poissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return 0;
  let sum = 0;
  for (let x = Math.floor(k); x >= 0; x--) {
    const term = Math.exp(poissonLogPmf(x, lambda));
    sum += term;
    if (x < lambda && term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let sum = 0;
  for (let x = Math.ceil(k); ; x++) {
    const term = Math.exp(poissonLogPmf(x, lambda));
    sum += term;
    if ((x > lambda && term <= sum * 1e-17) || x > k + 1e6) break;
  }
  return Math.min(1, sum);
}
