/**
 * The inverse of the standard normal distribution function, for the z quantiles of a test plan
 * (z₁₋α/₂ and z₁₋β). Acklam's rational approximation (P. J. Acklam, "An algorithm for computing the
 * inverse normal cumulative distribution function", 2003; relative error below 1.15e-9), refined by one
 * step of Halley's method against the report's own Φ (accurate to about 1e-15), which brings the result
 * to full double precision.
 */
import { erfc } from '../report/stats.ts';

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
/** Below it (and above 1 − it) the tail form of the approximation applies. */
const P_LOW = 0.02425;
const SQRT_2PI = 2.5066282746310002;

/** Acklam's approximation alone: about 9 correct digits. */
function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * Φ⁻¹(p): the z with Φ(z) = p, for 0 < p < 1; −Infinity at 0, Infinity at 1, NaN outside [0, 1].
 * normalQuantile(0.975) = 1.959963984540054, normalQuantile(0.8) = 0.8416212335729143.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const x = acklam(p);
  // One Halley step on Φ(x) − p. Φ is taken from erfc on the side of the nearer tail, so that the
  // error e keeps its relative accuracy for p close to 0 (and, by symmetry, close to 1).
  const e = x < 0 ? 0.5 * erfc(-x / Math.SQRT2) - p : -(0.5 * erfc(x / Math.SQRT2) - (1 - p));
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
