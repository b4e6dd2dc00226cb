// Building HTML from report values: every interpolated value is escaped unless it is
// already markup, so copy from a page (which may well contain "<script>") can only ever
// become text. One tagged template instead of remembering to escape at each call site.
import { escapeUTF8 } from 'entities';
import { printable } from './highlight.js';

export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type Value = Markup | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  // Control characters are not allowed in HTML text; printable() swaps them one for one.
  return escapeUTF8(printable(String(value)));
}

/** `html\`<p>${copy}</p>\`` — the literal parts are trusted, the values are escaped. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0];
  values.forEach((value, i) => (out += render(value) + strings[i + 1]));
  return new Markup(out);
}

/** Text the module itself wrote (CSS, script): trusted as is. */
export function trusted(text: string): Markup {
  return new Markup(text);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
