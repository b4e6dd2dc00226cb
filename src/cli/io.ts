// What the command line touches outside itself, passed in so tests can run it in-process,
// and the small helpers every command shares.
import { unlinkSync } from 'node:fs';
import { lstat, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { safeLine } from '../reports/sanitize.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  cwd: string;
  /** All of standard input, for `extract -` and `check --stdin` (tests pass their own). */
  readStdin?: () => Promise<Uint8Array>;
}

async function readProcessStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// `storefront check | head -c 100`: the reader leaving is not a failure of the check. A
// closed pipe ends writing quietly, and the run still exits with its verdict.
const closedStreams = new Set<NodeJS.WriteStream>();
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  if (stream.listenerCount('error') === 0) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closedStreams.add(stream);
    });
  }
  return (text) => {
    if (!closedStreams.has(stream)) stream.write(text);
  };
}

export const defaultIo = (): Io => ({
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
  readStdin: readProcessStdin,
});

/**
 * One line on stderr, through the sanitiser: spec values, file names and sitemap entries in it
 * may come from a pull request, and a runner reads stderr for workflow commands too.
 */
export function say(io: Io, line: string): void {
  io.stderr(`storefront: ${safeLine(line)}\n`);
}

/** --color / --no-color win, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function useColor(io: Io, toFile: boolean, flag?: boolean): boolean {
  if (toFile) return false;
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}

// Temp files being written: removed if the run is interrupted, so a killed run leaves no
// `.report.json.<pid>.tmp` behind.
const pendingTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  removePendingTemps();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Die of the same signal, so the parent sees how the run ended.
  process.kill(process.pid, signal);
}

function removePendingTemps(): void {
  for (const temp of pendingTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pendingTemps.clear();
}

/** Removes `temp` if the process is interrupted before `release` is called. */
export function removeOnInterrupt(temp: string): () => void {
  if (pendingTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pendingTemps.add(temp);
  return () => {
    pendingTemps.delete(temp);
    if (pendingTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/**
 * Whole or not at all: a reader never sees half a report. A regular file (or a new one) is
 * replaced through a temp file and a rename. A device or a FIFO (/dev/full, /dev/stdout) is
 * written in place, so it stays what it is and its write errors are reported. A link to a
 * regular file is replaced, never written through: a committed `report.html -> ~/.bashrc`
 * must not aim the report outside the checkout.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  if (await writesInPlace(path.resolve(file))) {
    await writeFile(file, text);
    return;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const release = removeOnInterrupt(temp);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  } finally {
    release();
  }
}

async function writesInPlace(file: string): Promise<boolean> {
  const info = await lstat(file).catch(() => undefined);
  if (!info || info.isFile()) return false;
  if (!info.isSymbolicLink()) return true;
  // /dev/stdout is a link to the process's own descriptor, whatever that is (a pipe, a file).
  if (file.startsWith('/dev/') || file.startsWith('/proc/')) return true;
  const target = await stat(file).catch(() => undefined);
  return target !== undefined && !target.isFile();
}

/** `/dev/stdout` and its aliases: the process's own output, written as a stream. */
export function standardStream(file: string): 'stdout' | 'stderr' | undefined {
  const match = /^\/(?:dev\/std(out|err)|dev\/fd\/([12])|proc\/self\/fd\/([12]))$/.exec(file);
  if (!match) return undefined;
  return match[1] === 'out' || match[2] === '1' || match[3] === '1' ? 'stdout' : 'stderr';
}

/** A write failure as a short reason: its code, with what it means for the common ones. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const meaning: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ENOENT: 'no such folder',
    EISDIR: 'is a folder',
    EROFS: 'read-only file system',
  };
  return code ? (meaning[code] ? `${meaning[code]} (${code})` : code) : oneLine(error);
}

export const collect = (value: string, all: string[]) => [...all, value];

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

export function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return n;
}

/** `10MB`, `500k`, `2048`: a size in bytes (K and M are powers of 1024). */
export function byteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  const unit = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match?.[2] ?? 'b')[0].toLowerCase() as 'b' | 'k' | 'm' | 'g'];
  const bytes = match ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new InvalidArgumentError('expected a size such as 10MB, 500KB or a number of bytes');
  return bytes;
}

/** An error as one line: a message never carries a stack trace to the user. */
export function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
