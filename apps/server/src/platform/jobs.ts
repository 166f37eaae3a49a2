/**
 * Runs `work` every `intervalMs`, each run starting only after the previous one finished (a slow run
 * never overlaps the next), the first after `firstAfterMs` (default: one interval). Timers are unref'd
 * so a job never keeps the process alive. Returns how to stop it.
 */
export function every(
  intervalMs: number,
  work: () => Promise<unknown>,
  onError: (err: unknown) => void,
  firstAfterMs = intervalMs,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await work();
    } catch (err) {
      onError(err);
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), firstAfterMs);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
