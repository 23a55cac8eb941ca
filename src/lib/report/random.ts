/**
 * A small seeded pseudo-random generator (mulberry32), so sample data is the same on every run and
 * every machine for the same seed. Only integer operations and exact float arithmetic are used: no
 * Math.random, no Math.log or Math.exp, whose last bits may differ between platforms.
 */
export interface Random {
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
  /** An integer in [0, 2³²). */
  uint32(): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A version-4-shaped UUID made of generator output. */
  uuid(): string;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  return {
    next,
    uint32,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error('pick() from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(items, weights) {
      if (items.length === 0 || items.length !== weights.length) throw new Error('weighted() needs one weight per item');
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i]!;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    uuid() {
      const a = hex(uint32());
      const b = hex(uint32());
      const c = hex(uint32());
      const d = hex(uint32());
      const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
