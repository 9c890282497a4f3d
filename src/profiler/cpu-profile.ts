/**
 * `--cpu-prof`: a V8 CPU profile of the scanning process, recorded in-process
 * through node:inspector so it works without restarting node with flags. The
 * file is the `.cpuprofile` JSON that Chrome DevTools (Performance → Load
 * profile) and speedscope open as flame graphs.
 *
 * Limitation: an inspector Session only sees the thread it was created on.
 * Work done in piscina worker threads (`--parallel N`, N > 0) is not in the
 * profile; profile with `--parallel 0`, or run node with `--cpu-prof` to get
 * one file per thread.
 */
import { Session } from 'node:inspector';
import { checkOutputTarget, writeOutput } from '../util/output-target.js';

/** A running profile; `stop` ends it and writes the .cpuprofile JSON. */
export interface CpuProfileHandle {
  stop(outFile: string): Promise<void>;
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T)));
  });
}

/**
 * Start sampling this thread's JavaScript. The sampling interval is V8's
 * default unless given (µs); a finer one costs overhead in the measured scan.
 */
export async function startCpuProfile(options: { samplingIntervalUs?: number } = {}): Promise<CpuProfileHandle> {
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    if (options.samplingIntervalUs !== undefined) {
      await post(session, 'Profiler.setSamplingInterval', { interval: options.samplingIntervalUs });
    }
    await post(session, 'Profiler.start');
  } catch (error) {
    session.disconnect();
    throw error;
  }
  let stopped = false;
  return {
    async stop(outFile: string): Promise<void> {
      if (stopped) throw new Error('CPU profile already stopped');
      stopped = true;
      try {
        const { profile } = await post<{ profile: unknown }>(session, 'Profiler.stop');
        await post(session, 'Profiler.disable');
        // Through the shared output path: a device or FIFO is written through, a failure is one line.
        writeOutput(checkOutputTarget(outFile, 'the CPU profile'), JSON.stringify(profile));
      } finally {
        session.disconnect();
      }
    },
  };
}
