// CSS selectors of the spec (a channel's or source's `selector`, a page's `exclude`).
import { createRequire } from 'node:module';
import type { Segment, SpecLocator } from './errors.js';

// css-select, with the DOM helpers and entity tables it brings, is ~40 ms of a start: loaded
// only for a spec that names a selector. loadSpec loads it (the chunk the HTML reader shares)
// when the spec's text mentions one; parseSpec, which is synchronous, requires it on first
// need when it was not loaded.
type CompileSelector = (selector: string) => unknown;
let compileSelector: CompileSelector | undefined;

/** Loads the selector engine ahead of parseSpec, for a spec whose text may name a selector. */
export async function loadSelectorEngine(): Promise<void> {
  compileSelector ??= (await import('css-select')).compile;
}

/** Whether a spec's text may name a selector (a superset: a comment saying "selector" counts). */
export const mayNameSelectors = (text: string) => /selector|exclude/.test(text);

const selectorEngine = (): CompileSelector => (compileSelector ??= (createRequire(import.meta.url)('css-select') as { compile: CompileSelector }).compile);

/**
 * CSS selectors are parsed at load, with the same engine that applies them, so "main >>> p"
 * is a spec error at its line rather than a source error at run time.
 */
export function checkSelector(selector: string, where: Segment[], at: SpecLocator): void {
  try {
    selectorEngine()(selector);
  } catch (error) {
    throw at.error(where, `invalid CSS selector "${selector}": ${lowerFirst((error as Error).message.trim().replace(/\.$/, ''))}`);
  }
}

export function checkSelectors(source: string | { selector?: string; exclude?: string[]; sitemap?: string }, where: Segment[], at: SpecLocator): void {
  if (typeof source === 'string') return;
  if (source.selector !== undefined) checkSelector(source.selector, [...where, 'selector'], at);
  // A sitemap's exclude lists URL globs, not elements.
  if (source.sitemap === undefined) source.exclude?.forEach((css, i) => checkSelector(css, [...where, 'exclude', i], at));
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
