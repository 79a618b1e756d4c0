/** Timing samples and their percentiles, shared by every benchmark (the load bench too, which must not import the others' database code). */

export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** `runs` timings of `run`, after one untimed run that warms the plan cache and the connection pool. */
export async function time(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  await run();
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}
