import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../src/lib/plan/normal.ts';
import { normalCdf, Z_95 } from '../../../src/lib/report/stats.ts';

describe('the inverse normal', () => {
  // Reference quantiles to 16 digits (Wichura's AS241 tables; R's qnorm gives the same).
  it.each([
    [0.975, 1.959963984540054],
    [0.8, 0.8416212335729143],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.02, -2.053748910631823],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%f) = %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  it('is the report’s Z_95 at 0.975, odd around 0.5, and turns Φ back into its argument', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z_95, 14);
    for (const p of [0.001, 0.01, 0.0242, 0.0243, 0.1, 0.3, 0.45]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 10);
    for (const z of [-8, -3.3, -1, -0.2, 0.7, 2.5, 5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 9);
  });

  it('keeps its relative accuracy far into the tail', () => {
    // Φ(−37.0470962993612) = 1.0000000000000776e-300 by the C library's erfc (Python's math.erfc).
    expect(normalQuantile(1e-300)).toBeCloseTo(-37.0470962993612, 10);
  });

  it('is infinite at 0 and 1 and undefined outside', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.1, NaN]) expect(normalQuantile(p)).toBeNaN();
  });
});
