// The library's main entry: spec → sources → documents → normalize → checks → report.
import path from 'node:path';
import { validateFactValues } from './check-facts.js';
import { crossChannelCheck } from './checks/cross-channel.js';
import { factsCheck, keyOfFact, yearOf } from './checks/facts.js';
import { lengthsCheck } from './checks/lengths.js';
import { messagesCheck } from './checks/messages.js';
import { termsCheck } from './checks/terms.js';
import { DEFAULT_SEVERITY, type Check, type CheckContext } from './checks/types.js';
import type { Document } from './documents/types.js';
import { applyExceptions } from './findings/exceptions.js';
import { factMatrix, type FactSighting } from './findings/fact-matrix.js';
import { sortFindings } from './findings/sort.js';
import { summarize } from './findings/summary.js';
import type { CoverageEntry, Finding, Report, SourceSummary } from './findings/types.js';
import { normalizeDocument, type NormalizedDocument } from './normalize/index.js';
import { isAuto } from './normalize/language.js';
import { createFetcher } from './sources/fetch.js';
import type { Fetcher } from './sources/types.js';
import { readSource } from './sources/read.js';
import { isUnresolved, resolveSources } from './sources/resolve.js';
import { loadSpec } from './spec/load.js';
import type { FailOn, Spec } from './spec/types.js';

export const CHECKS: readonly Check[] = [messagesCheck, factsCheck, termsCheck, lengthsCheck, crossChannelCheck];

export interface CheckOptions {
  /** Only these channels (names from the spec). */
  channels?: string[];
  /** Never touch the network: URL sources become source errors. */
  offline?: boolean;
  /** Pages fetched at once (default 8). */
  concurrency?: number;
  /** A fetcher of the caller's (tests, embedders); default: one built from the options above. */
  fetcher?: Fetcher;
  /** Absolute folder of the HTTP cache; with offline, URLs are served from it. */
  cacheDir?: string;
  /** Overrides the spec's rules.fail_on. */
  failOn?: FailOn;
  /** Where relative paths are shown from (default process.cwd()). */
  cwd?: string;
  /** Today as YYYY-MM-DD, for exceptions' expiry (default: the clock's UTC date). */
  today?: string;
  /** Human-facing progress lines (the CLI sends them to stderr). */
  onProgress?: (line: string) => void;
  /**
   * Copy given in memory (the CLI's standard input) checked as the only source of one
   * channel, instead of the sources the spec lists for it; only that channel is checked.
   * `name` picks the reader by its extension (post.txt, page.html, mail.eml).
   */
  stdin?: { channel: string; name: string; bytes: Uint8Array };
}

import { UsageError } from './check-errors.js';

export { UsageError };

const READ_CONCURRENCY = 8;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function selectChannels(spec: Spec, wanted: string[] | undefined): string[] {
  const all = spec.channels.map((c) => c.name);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length) throw new UsageError(`unknown channel "${unknown[0]}" (the spec defines: ${all.join(', ')})`);
  return all.filter((name) => wanted.includes(name));
}

export async function check(specPath: string, options: CheckOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd();
  const shown = path.relative(cwd, path.resolve(cwd, specPath)).split(path.sep).join('/') || specPath;
  const spec = await loadSpec(path.resolve(cwd, specPath), shown);
  return checkSpec(spec, { ...options, specName: shown });
}

/**
 * Runs every check over documents already read: the pure core of a check run, which tests
 * call with hand-built documents. Findings are appended to `findings`.
 */
export function checkDocuments(
  spec: Spec,
  docs: readonly Document[],
  channels: readonly string[] = spec.channels.map((c) => c.name),
  findings: Finding[] = [],
): { findings: Finding[]; coverage: Record<string, Record<string, CoverageEntry>>; languages: Map<string, string>; sightings: FactSighting[]; readable: Set<string> } {
  const year = yearOf(spec);
  // With language auto everywhere, copy too short to tell is taken to be English.
  const fallbackLanguage = isAuto(spec.language) ? 'en' : spec.language;
  // A repost is someone else's words shared: shown in extract, never held to the spec.
  const own = docs.map((doc) => (doc.parts.some((p) => p.label === 'repost') ? { ...doc, parts: doc.parts.filter((p) => p.label !== 'repost') } : doc));
  const normalized: NormalizedDocument[] = own.map((doc) => normalizeDocument(doc, { year, fallbackLanguage }));
  const coverage: Record<string, Record<string, CoverageEntry>> = {};
  const sightings: FactSighting[] = [];
  const readable = new Set(docs.map((d) => d.channel));
  const context: CheckContext = {
    spec,
    docs: normalized,
    channels,
    readable,
    coverage,
    report: (finding) => findings.push(finding),
    sightFact: (sighting) => sightings.push(sighting),
  };
  for (const c of CHECKS) c.run(context);
  return { findings, coverage, languages: new Map(normalized.map((nd) => [nd.doc.source, nd.language])), sightings, readable };
}

/** The same, for a spec already loaded (tests and embedders). */
export async function checkSpec(spec: Spec, options: CheckOptions & { specName?: string } = {}): Promise<Report> {
  const progress = options.onProgress ?? (() => undefined);
  validateFactValues(spec, options.specName ?? path.basename(spec.file));
  const channels = selectChannels(spec, options.stdin ? [options.stdin.channel] : options.channels);
  const specDir = path.dirname(spec.file);
  const findings: Finding[] = [];
  const sources: SourceSummary[] = [];
  const docs: Document[] = [];

  // One fetcher for the whole run: one concurrency limit and one cache for every URL.
  const fetcher = options.fetcher ?? createFetcher({ offline: options.offline, cacheDir: options.cacheDir, concurrency: options.concurrency });
  const stdin = options.stdin;
  const refs = stdin
    ? spec.channels.filter((c) => c.name === stdin.channel).map((c) => ({ id: stdin.name, name: stdin.name, channel: c.name, kind: c.kind, language: c.language, bytes: stdin.bytes }))
    : (await Promise.all(spec.channels.filter((c) => channels.includes(c.name)).map((c) => resolveSources(c, specDir, { fetcher, offline: options.offline })))).flat();
  progress(`reading ${refs.length} source${refs.length === 1 ? '' : 's'}`);
  // Reading overlaps fetching: let at least as many sources be read as pages are fetched.
  const read = await mapLimited(refs, Math.max(READ_CONCURRENCY, options.concurrency ?? 0), async (ref) => (isUnresolved(ref) ? ref : await readSource(ref, { fetcher })));
  refs.forEach((ref, i) => {
    const result = read[i];
    const summary = { id: ref.id, channel: ref.channel, kind: ref.kind, language: ref.language };
    const sourceError = (reason: string, line?: number, column?: number) => {
      const where = line ? `:${line}${column ? `:${column}` : ''}` : '';
      progress(`source error: ${ref.id}${where}: ${reason}`);
      findings.push({
        rule: 'source-error',
        severity: DEFAULT_SEVERITY['source-error'],
        channel: ref.channel,
        source: ref.id,
        found: reason,
        message: `Cannot read ${ref.id}${where}: ${reason}`,
        ...(line ? { location: { part: 'file', line, ...(column ? { column } : {}) } } : {}),
      });
    };
    if ('parts' in result) {
      docs.push(result);
      sources.push({ ...summary, status: 'ok' });
      for (const problem of result.problems ?? []) sourceError(problem.reason, problem.line, problem.column);
      return;
    }
    if ('reason' in result) sourceError(result.reason);
    else sourceError(result.message, result.line, result.column);
    sources.push({ ...summary, status: 'error', error: 'reason' in result ? result.reason : result.message });
  });

  progress(`checking ${docs.length} document${docs.length === 1 ? '' : 's'}`);
  const { coverage, languages, sightings, readable } = checkDocuments(spec, docs, channels, findings);
  // Report the language each source was read in: the detected one where the spec said auto.
  for (const source of sources) source.language = languages.get(source.id) ?? source.language;

  const failOn = options.failOn ?? spec.rules.failOn;
  const accepted = applyExceptions(findings, spec.exceptions, {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    channels,
    specSource: path.basename(spec.file),
  });
  const sorted = sortFindings(accepted, channels);
  const keys = new Map<string, string>();
  for (const fact of spec.facts) {
    const key = keyOfFact(fact, spec);
    if (key) keys.set(fact.id, key);
  }
  const facts = factMatrix({ facts: spec.facts, keys, channels, readable, sightings, findings: sorted });
  return {
    version: 1,
    campaign: spec.campaign,
    spec: options.specName ?? path.basename(spec.file),
    summary: summarize(sorted, sources, failOn),
    sources,
    findings: sorted,
    coverage,
    facts,
    channels,
    failOn,
  };
}
