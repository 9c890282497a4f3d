import type { ScanEventBus } from '../../engine/events.js';
import { useScanProgress } from './use-scan-progress.js';
import { ScanningView } from './ScanningView.js';

interface LiveScanProps {
  readonly bus: ScanEventBus;
  readonly root: string;
  readonly width: number;
  readonly height: number;
}

/** The scanning view fed by a bus (one instance per scan run). */
export function LiveScan({ bus, root, width, height }: LiveScanProps) {
  const progress = useScanProgress(bus, root);
  return <ScanningView progress={progress} width={width} height={height} />;
}
