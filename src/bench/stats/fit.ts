/**
 * Least-squares fits for the suite's scaling report: ms per file (linear) and
 * the growth exponent (power law fitted on log-log axes).
 */

/** Ordinary least squares y = slope · x + intercept, with the coefficient of determination. */
export function fitLinear(xs: readonly number[], ys: readonly number[]): { slope: number; intercept: number; r2: number } {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError('fitLinear: xs and ys differ in length');
  if (n < 2) throw new RangeError('fitLinear needs at least two points');
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
    syy += (ys[i] - my) * (ys[i] - my);
  }
  if (sxx === 0) throw new RangeError('fitLinear: all x values are equal');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const e = ys[i] - (slope * xs[i] + intercept);
    ssRes += e * e;
  }
  // A flat y fitted exactly is a perfect fit, not 0/0.
  const r2 = syy === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / syy;
  return { slope, intercept, r2 };
}

/** Fit y = coefficient · x^exponent by least squares on ln y vs ln x; r2 is on the log scale. */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): { exponent: number; coefficient: number; r2: number } {
  if (xs.some((x) => !(x > 0)) || ys.some((y) => !(y > 0))) {
    throw new RangeError('fitPowerLaw needs strictly positive x and y values');
  }
  const fit = fitLinear(xs.map(Math.log), ys.map(Math.log));
  return { exponent: fit.slope, coefficient: Math.exp(fit.intercept), r2: fit.r2 };
}
