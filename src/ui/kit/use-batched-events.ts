import { useEffect, useState } from 'react';

/** ~30 frames per second: the most often a live view re-renders. */
const FRAME_MS = 33;
/** How often the clock advances without events, so elapsed time and ETA keep moving. */
const TICK_MS = 250;

/** Subscribes a listener and returns the unsubscribe function. */
type Subscribe<E> = (listener: (event: E) => void) => () => void;

/**
 * Folds a fast event stream into React state with at most one update per
 * frame: events are buffered and `apply` receives each frame's batch. An
 * event for which `urgent` is true flushes at once (e.g. scan:done).
 * `subscribe` must be stable for the life of the component (its identity is
 * the effect's dependency).
 */
export function useBatchedEvents<E, S>(
  subscribe: Subscribe<E>,
  initial: () => S,
  apply: (state: S, events: readonly E[], now: number) => S,
  urgent: (event: E) => boolean,
  now: () => number = Date.now,
): S {
  const [state, setState] = useState(initial);
  useEffect(() => {
    let buffer: E[] = [];
    let timer: NodeJS.Timeout | undefined;
    let lastFlush = -Infinity;
    const flush = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      lastFlush = now();
      const batch = buffer;
      buffer = [];
      setState((current) => apply(current, batch, lastFlush));
    };
    const unsubscribe = subscribe((event) => {
      buffer.push(event);
      if (urgent(event)) flush();
      else timer ??= setTimeout(flush, Math.max(0, lastFlush + FRAME_MS - now()));
    });
    const tick = setInterval(() => {
      if (timer === undefined) flush();
    }, TICK_MS);
    tick.unref();
    return () => {
      unsubscribe();
      clearInterval(tick);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [subscribe]);
  return state;
}
