// CSS selectors of the spec (a channel's or source's `selector`, a page's `exclude`).
import { compile as compileSelector } from 'css-select';
import type { Segment, SpecLocator } from './errors.js';

/**
 * CSS selectors are parsed at load, with the same engine that applies them, so "main >>> p"
 * is a spec error at its line rather than a source error at run time.
 */
export function checkSelector(selector: string, where: Segment[], at: SpecLocator): void {
  try {
    compileSelector(selector);
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
