// Wall-clock laps of a run's stages, in whole milliseconds.

/** A clock started now: lap() gives the time since the previous lap, total() since the start. */
export function stopwatch(): { lap(): number; total(): number } {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      return Math.round(elapsed);
    },
    total: () => Math.round(performance.now() - start),
  };
}
