/**
 * Headless Chromium driven over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: commands on fd 3, replies on fd 4, each message
 * JSON ending in NUL), with no npm dependency. Enough to open a page, run
 * script in it (clicks, queries), and collect what went wrong: console
 * errors, uncaught exceptions, CSP violations and dialogs (an `alert` from an
 * injected script). Used by the HTML report's browser tests and benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { programPath } from './require-program.js';

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
  readonly sessionId?: string;
}

/** How long one protocol call may go unanswered before it fails (a hung browser, never a slow page under test). */
const ANSWER_LIMIT_MS = 90_000;

/** A page in a fresh headless Chromium. Close it when done. */
export interface ChromiumPage {
  /** Loads `url` and resolves when its load event fired. */
  open(url: string): Promise<void>;
  /** Evaluates an expression in the page (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Console errors, uncaught exceptions, CSP and other browser errors, dialogs: one line each. */
  readonly problems: string[];
  /** Dialogs the page opened (alert, confirm, prompt), with their message. */
  readonly dialogs: string[];
  /** A PNG of the viewport (or of the whole page). */
  screenshot(file: string, fullPage?: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Starts Chromium with a viewport of `width`×`height` CSS pixels. */
export async function launchChromium(width = 1280, height = 800, colorScheme: 'light' | 'dark' = 'light'): Promise<ChromiumPage> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sonde-chromium-'));
  const child: ChildProcess = spawn(
    programPath('chromium'),
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--hide-scrollbars', '--remote-debugging-pipe', `--user-data-dir=${profile}`, `--window-size=${width},${height}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  const listeners: ((message: Message) => void)[] = [];
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result ?? {});
      } else for (const listener of listeners) listener(message);
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error('Chromium exited'));
    pending.clear();
  });
  // A guard against a hang, not a measurement: a call that gets no answer fails with its name instead of stalling the run.
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`Chromium did not answer ${method} within ${ANSWER_LIMIT_MS / 1000} s`));
      }, ANSWER_LIMIT_MS);
      const settle = <T>(done: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        done(value);
      };
      pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  // Its own window, in front: a page Chromium thinks is hidden gets no animation frames and throttled timers.
  const { targetId } = (await send('Target.createTarget', { url: 'about:blank', newWindow: true, background: false })) as { targetId: string };
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  const call = (method: string, params: Record<string, unknown> = {}) => send(method, params, sessionId);
  const problems: string[] = [];
  const dialogs: string[] = [];
  listeners.push((message) => {
    if (message.sessionId !== sessionId || !message.params) return;
    const params = message.params as Record<string, any>;
    if (message.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
      problems.push(`console.${params.type}: ${(params.args as { value?: unknown; description?: string }[]).map((arg) => arg.value ?? arg.description).join(' ')}`);
    } else if (message.method === 'Runtime.exceptionThrown') {
      problems.push(`exception: ${params.exceptionDetails?.exception?.description ?? params.exceptionDetails?.text}`);
    } else if (message.method === 'Log.entryAdded' && params.entry?.level === 'error') {
      problems.push(`${params.entry.source}: ${params.entry.text}`);
    } else if (message.method === 'Page.javascriptDialogOpening') {
      dialogs.push(`${params.type}: ${params.message}`);
      problems.push(`dialog ${params.type}: ${params.message}`);
      void call('Page.handleJavaScriptDialog', { accept: true });
    }
  });
  await Promise.all([call('Runtime.enable'), call('Page.enable'), call('Log.enable')]);
  await call('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: width < 600 });
  await call('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: colorScheme }] });
  await call('Emulation.setFocusEmulationEnabled', { enabled: true });
  await call('Page.bringToFront');

  return {
    problems,
    dialogs,
    async open(url) {
      let timer: NodeJS.Timeout | undefined;
      const loaded = new Promise<void>((resolve, reject) => {
        listeners.push((message) => {
          if (message.sessionId === sessionId && message.method === 'Page.loadEventFired') resolve();
        });
        timer = setTimeout(() => reject(new Error(`${url} did not load within ${ANSWER_LIMIT_MS / 1000} s`)), ANSWER_LIMIT_MS);
      });
      try {
        await call('Page.navigate', { url });
        await loaded;
      } finally {
        clearTimeout(timer);
      }
    },
    async evaluate<T>(expression: string) {
      const reply = (await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
        result: { value?: T };
        exceptionDetails?: { exception?: { description?: string }; text?: string };
      };
      if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return reply.result.value as T;
    },
    async screenshot(file, fullPage = false) {
      const { data } = (await call('Page.captureScreenshot', { format: 'png', captureBeyondViewport: fullPage })) as { data: string };
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
    },
    async close() {
      try {
        await Promise.race([send('Browser.close'), exited]);
      } catch {
        // already gone
      }
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
      // Chromium's helper processes may still be writing the profile for a moment after the browser exits.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // left for the temp folder's owner (npm test removes its whole TMPDIR)
      }
    },
  };
}
