import { useCallback } from 'react';
import type { ScanEvent, ScanEventBus, ScanListener } from '../../engine/events.js';
import { applyEvents, initialProgress, type ScanProgress } from './scan-progress.js';
import { useBatchedEvents } from '../kit/use-batched-events.js';

/**
 * The live ScanProgress of the scan behind `bus`, updated at most ~30 times
 * a second however fast the engine emits (file:done events arrive in batches).
 */
export function useScanProgress(bus: ScanEventBus, root: string, now: () => number = Date.now): ScanProgress {
  const subscribe = useCallback((listener: ScanListener) => bus.on(listener), [bus]);
  return useBatchedEvents<ScanEvent, ScanProgress>(
    subscribe,
    () => initialProgress(root, now()),
    applyEvents,
    (event) => event.type === 'scan:done',
    now,
  );
}
