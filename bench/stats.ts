/** Timing and medians for the benchmarks. */

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const t0 = nowMs();
  const result = await fn();
  return { result, ms: nowMs() - t0 };
}

/** Round to `d` decimals (for the JSON; keeps it readable). */
export function round(x: number, d = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

/** The same value in every run (sync counts are deterministic): return it, or throw naming the runs. */
export function same(label: string, xs: number[]): number {
  if (xs.some((x) => x !== xs[0])) throw new Error(`${label} differs between runs: ${xs.join(", ")}`);
  return xs[0]!;
}

/** Garbage collection seen while running fn: wall ms and the ms of GC pauses inside that window. */
export async function withGc<T>(fn: () => Promise<T> | T): Promise<{ result: T; ms: number; gcMs: number }> {
  const { PerformanceObserver, performance } = await import("node:perf_hooks");
  const pauses: { start: number; duration: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ entryTypes: ["gc"] });
  try {
    const start = performance.now();
    const result = await fn();
    const end = performance.now();
    // GC entries are delivered asynchronously: let them arrive.
    await new Promise((r) => setTimeout(r, 20));
    const gcMs = pauses.filter((p) => p.start >= start && p.start < end).reduce((s, p) => s + p.duration, 0);
    return { result, ms: end - start, gcMs };
  } finally {
    obs.disconnect();
  }
}
