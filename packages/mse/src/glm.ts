import { Matrix, SingularValueDecomposition, inverse, solve } from 'ml-matrix';
import { logGamma } from './poisson';

/** A fitted Poisson log-linear model. */
export interface PoissonFit {
  coefficients: number[];
  /** (XᵀWX)⁻¹ at the fit: the covariance of the coefficients (dispersion 1). */
  covariance: number[][];
  fitted: number[];
  linearPredictor: number[];
  deviance: number;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Column rank of a design matrix (by singular values). */
export function columnRank(rows: number[][]): number {
  if (rows.length === 0) return 0;
  return new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true }).rank;
}

/**
 * Fits a Poisson GLM with log link by iteratively reweighted least squares, as R's glm.fit
 * does (start μ = y + 0.1, stop when the relative change of the deviance is below 1e-10).
 * `offset` is added to the linear predictor (used to profile the intercept).
 */
export function fitPoissonGlm(design: number[][], y: number[], offset?: number[], maxIterations = 100): PoissonFit {
  const n = y.length;
  const p = design[0]?.length ?? 0;
  const X = new Matrix(design);
  const off = offset ?? new Array<number>(n).fill(0);
  let mu = y.map((v) => v + 0.1);
  let eta = mu.map((m, i) => Math.log(m) - (off[i] as number));
  let beta = new Array<number>(p).fill(0);
  let devOld = deviance(y, mu);
  let converged = false;
  let iterations = 0;
  let xtwx = new Matrix(p, p);
  for (; iterations < maxIterations && !converged; iterations++) {
    const z = eta.map((e, i) => e + ((y[i] as number) - (mu[i] as number)) / (mu[i] as number));
    const w = mu;
    xtwx = weightedCross(X, w);
    const xtwz = new Matrix(p, 1);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X.get(i, j) * (w[i] as number) * (z[i] as number);
      xtwz.set(j, 0, s);
    }
    beta = solve(xtwx, xtwz).getColumn(0);
    eta = X.mmul(Matrix.columnVector(beta)).getColumn(0);
    mu = eta.map((e, i) => Math.exp(e + (off[i] as number)));
    const dev = deviance(y, mu);
    converged = Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-10;
    devOld = dev;
  }
  xtwx = weightedCross(X, mu);
  const covariance = inverse(xtwx).to2DArray();
  return {
    coefficients: beta,
    covariance,
    fitted: mu,
    linearPredictor: eta.map((e, i) => e + (off[i] as number)),
    deviance: devOld,
    logLikelihood: y.reduce((sum, v, i) => sum + v * Math.log(mu[i] as number) - (mu[i] as number) - logGamma(v + 1), 0),
    iterations,
    converged,
  };
}

function weightedCross(X: Matrix, w: number[]): Matrix {
  const p = X.columns;
  const out = new Matrix(p, p);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      for (let i = 0; i < X.rows; i++) s += X.get(i, a) * X.get(i, b) * (w[i] as number);
      out.set(a, b, s);
      out.set(b, a, s);
    }
  }
  return out;
}

function deviance(y: number[], mu: number[]): number {
  return 2 * y.reduce((sum, v, i) => sum + (v > 0 ? v * Math.log(v / (mu[i] as number)) : 0) - (v - (mu[i] as number)), 0);
}
