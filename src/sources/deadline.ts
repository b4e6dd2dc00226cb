// The whole run's deadline (`--timeout`): once it passes, requests in flight are aborted and
// every source not read yet becomes a source-error saying so, so forty tarpit URLs cannot hold
// a CI job until the runner kills it without a report.
import { SourceError } from './types.js';

export interface RunDeadline {
  /** Aborted when the deadline passes; its reason's message is the source-error's. */
  signal: AbortSignal;
  /** The source-error for what was not read, when the deadline has passed. */
  passed(): SourceError | undefined;
  /** Stops the clock (the run ended first). */
  dispose(): void;
}

export function runDeadline(seconds: number | undefined): RunDeadline {
  const controller = new AbortController();
  if (seconds === undefined || !(seconds > 0) || !Number.isFinite(seconds)) {
    return { signal: controller.signal, passed: () => undefined, dispose: () => undefined };
  }
  const reason = new Error(`not read: run deadline of ${seconds} s reached`);
  const timer = setTimeout(() => controller.abort(reason), seconds * 1000);
  // The deadline never keeps a finished run alive.
  timer.unref();
  return {
    signal: controller.signal,
    passed: () => (controller.signal.aborted ? new SourceError(reason.message) : undefined),
    dispose: () => clearTimeout(timer),
  };
}
