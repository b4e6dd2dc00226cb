// How the CLI tunes V8 for a check (and every command that reads copy).
import { availableParallelism } from 'node:os';
/**
 * Four V8 settings for a run, set before a command runs (--help and --version need neither
 * node:v8 nor patterns); V8's flags are the process's, worker threads included. Set at run
 * time, since `bin/storefront.js` cannot pass flags to node.
 * - V8 runs a regular expression's first match in its bytecode interpreter and compiles it to
 *   machine code from the second on. The value patterns (dates, amounts, URLs: hundreds of
 *   alternatives each) are so large that the interpreted first pass over a text, plus the
 *   bytecode only it uses, cost more than compiling to machine code at once: ~0.06 s of CPU of
 *   a one-post check (0.5 s), and ~7% of a 12 MB campaign. The matches are the same. A pattern
 *   made from now on counts no interpreted matches before it is compiled (ticks 0); tiering up
 *   is not switched off, since this runs after patterns have run (commander's, Node's own): in
 *   Node 20, a pattern that had matched once, interpreted, then crashed the process at its next
 *   match (a jump to no code; test/cli/v8-tuning.test.ts), now and then in a check.
 * - A thread's heap may grow to 1.5 times what survived its last full collection before the
 *   next one, instead of up to four times (V8's default for a busy heap). A source's copy dies
 *   as soon as it is checked, so what survives is small (the remembered texts and words, ~30 MB
 *   a thread) and the headroom above it was most of the memory. Bench, two threads: 1x (11 MB)
 *   peak RSS ~390 -> ~285 MB for ~3% more time; 4x (46 MB) 545 -> 334 MB for ~7% more.
 * - TurboFan inlines less into a function it optimizes: 200 bytes of callees' bytecode in all,
 *   not 920. A thread's warm-up is mostly optimizing compiles (~2 s of CPU per thread on the
 *   bench, on V8's background threads, which compete with the workers for the cores), and the
 *   largest functions (amounts, message windows) inlined so much that each compile cost tens of
 *   milliseconds. Bench 1x on two cores, interleaved runs: ~9% less CPU and wall time; the
 *   code it compiles runs no slower for it at 4x and 10x. The results are the same.
 * - TurboFan does not peel loops (copy a loop's first pass out of it, to hoist the checks that
 *   pass proves): that copies every loop of every function it optimizes, and most of a run's
 *   optimizing is warm-up work the run never wins back. Instructions of a check of the bench
 *   generator's 40-page campaign on two threads (cachegrind, all threads): ~24.9 -> ~23.45
 *   billion (-5%, two pairs); bench 1x and 4x on two cores, interleaved pairs: wall time -6.7%
 *   (8 pairs, 7 faster) and -6.3% (4 pairs). The results are the same. (Tried beside it and
 *   left: no escape analysis, the mid-tier register allocator: each cost more than it saved.)
 */
export const V8_RUN_FLAGS: readonly string[] = ['--regexp-tier-up-ticks=0', '--heap-growing-percent=50', '--max-inlined-bytecode-size-cumulative=200', '--no-turbo-loop-peeling'];

/** Sets V8_RUN_FLAGS: the CLI before a command runs, and scripts/profile-run.mjs, which measures a run as the CLI makes it. */
export async function tuneV8ForRuns(): Promise<void> {
  await setV8Flags(V8_RUN_FLAGS);
}

async function setV8Flags(flags: readonly string[]): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  for (const flag of flags) setFlagsFromString(flag);
}

/**
 * V8's background work, kept for the most part on each JavaScript thread: optimizing compiles
 * and young-generation collections run on the thread itself, and one helper at most marks the
 * old generation beside it. Worth it only when the run's threads already take every core: the
 * helpers then only compete with them (on the bench, two threads on two cores: ~4 s of CPU
 * of optimizing compiles and ~2 s of collection ran beside ~12 s of checking). A run that
 * leaves a core idle keeps them, since there they run for free (the bench on one thread of
 * two cores took ~10.0 s with them, ~12.7 s with compiles and collection all on the thread).
 * Bench, two threads on two cores, paired runs: 1x ~9% less wall time (eight pairs, each
 * faster), 4x even (five pairs within ±4%), 10x 69.6 -> 57.3 s (one pair).
 * Only flags that are safe to change while V8 runs, since the main thread has run by then:
 * each is read afresh for each compile, scavenge or new thread. Switching concurrent marking
 * or sweeping off mid-run (as --single-threaded-gc would) crashes V8 in a collection begun
 * with them on. None changes what the code computes.
 */
export const V8_BUSY_CORE_FLAGS: readonly string[] = ['--no-concurrent-recompilation', '--no-parallel-scavenge', '--concurrent-marking-max-worker-num=1'];

/**
 * Called by a run once it knows how many threads check its sources, before any starts: sets
 * V8_BUSY_CORE_FLAGS when they take every core. Returns whether it did.
 */
export async function tuneV8ForThreads(threads: number, cores = availableParallelism()): Promise<boolean> {
  if (threads < cores) return false;
  await setV8Flags(V8_BUSY_CORE_FLAGS);
  return true;
}
