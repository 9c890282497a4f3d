/**
 * The queue's clocks. Defaults suit a CI fleet; tests shorten them through
 * the environment (a worker is a child process, so options cannot reach it
 * otherwise), and so can a user with a reason to.
 *
 * - lockMs (SONDE_QUEUE_LOCK_MS): a worker's lock on a job, renewed every
 *   half of it while the worker lives. A SIGKILLed worker's lock expires
 *   after this, and its job becomes stalled.
 * - stalledMs (SONDE_QUEUE_STALLED_MS): how often each worker looks for
 *   stalled jobs and puts them back in the queue for another worker.
 * - deadlineMs (SONDE_QUEUE_DEADLINE_MS): how long the coordinator waits
 *   with no worker making progress before it takes unstarted (or abandoned)
 *   jobs back and analyzes them itself. A scan with no worker at all costs
 *   this much extra, never a hang.
 * - commandMs (SONDE_QUEUE_COMMAND_MS): a coordinator's Redis call that gets
 *   no answer within this means the queue is gone; the rest runs locally.
 */
export interface QueueSettings {
  readonly lockMs: number;
  readonly stalledMs: number;
  readonly deadlineMs: number;
  readonly commandMs: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = Object.freeze({
  lockMs: 30_000,
  stalledMs: 15_000,
  deadlineMs: 5_000,
  commandMs: 5_000,
});

const VARIABLES = {
  lockMs: 'SONDE_QUEUE_LOCK_MS',
  stalledMs: 'SONDE_QUEUE_STALLED_MS',
  deadlineMs: 'SONDE_QUEUE_DEADLINE_MS',
  commandMs: 'SONDE_QUEUE_COMMAND_MS',
} as const satisfies Record<keyof QueueSettings, string>;

/** The settings, with any valid override (whole milliseconds, 100 ms to one hour) from the environment. */
export function queueSettings(env: Readonly<Record<string, string | undefined>>): QueueSettings {
  const settings: Record<keyof QueueSettings, number> = { ...DEFAULT_QUEUE_SETTINGS };
  for (const [name, variable] of Object.entries(VARIABLES) as [keyof QueueSettings, string][]) {
    const text = env[variable];
    const value = Number(text);
    if (text !== undefined && /^\d+$/.test(text) && value >= 100 && value <= 3_600_000) settings[name] = value;
  }
  return settings;
}
