/** `work`, or a rejection with `reason()` once `ms` pass; the timer never keeps the process alive and the loser never goes unhandled. */
export function withDeadline<T>(work: Promise<T>, ms: number, reason: () => string): Promise<T> {
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason())), ms);
    timer.unref();
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
