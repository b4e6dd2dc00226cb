// The canonical key of a value written in the spec, read by the same extractors as copy,
// so "49.99 USD", "$49.99" and "USD 49.99" in a spec mean what they mean in copy.
import { isoDate } from './date.js';
import { extractValues } from './extract.js';
import { numberKey, parseNumber } from './number.js';
import type { ExtractOptions, ValueType } from './types.js';
import { urlKey } from './url.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `money "49.99 USD"|"$49.99" -> "49.99 USD"`, `percent 30|"30%" -> "30"`, `date "2026-04-30"`,
 * `url "https://www.RunFast.example/spring/?utm=x" -> "runfast.example/spring"`,
 * `code "spring30" -> "SPRING30"`; undefined when `written` cannot be read as that type.
 */
export function factKey(type: ValueType, written: string | number, options: ExtractOptions): string | undefined {
  // The checks ask for the same fact's key once per part: remembered (a key is a string).
  const id = `${type}\u0000${typeof written}\u0000${String(written)}\u0000${options?.language}\u0000${options?.year}`;
  if (KEYS.has(id)) return KEYS.get(id);
  const key = computeFactKey(type, written, options);
  if (KEYS.size >= MAX_KEYS) KEYS.clear();
  KEYS.set(id, key);
  return key;
}

const KEYS = new Map<string, string | undefined>();
const MAX_KEYS = 10_000;

function computeFactKey(type: ValueType, written: string | number, options: ExtractOptions): string | undefined {
  if (typeof written === 'number') {
    if (!Number.isFinite(written)) return undefined;
    if (type === 'number' || type === 'percent') return numberKey(written);
  }
  if (typeof written !== 'string' && typeof written !== 'number') return undefined;
  const text = String(written).trim();
  if (!text) return undefined;
  switch (type) {
    case 'code':
      return /^[\p{L}\p{N}_-]{1,40}$/u.test(text) ? text.toUpperCase() : undefined;
    case 'url':
      return urlKey(text);
    case 'date': {
      const iso = ISO_DAY.exec(text);
      if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      break;
    }
    case 'number':
    case 'percent': {
      // A plain decimal point in a spec is a decimal point, whatever the campaign's language.
      const bare = text.replace(/\s*%$/, '');
      const value = /^\d+(?:\.\d+)?$/.test(bare) ? Number(bare) : parseNumber(bare, options.language ?? 'en');
      if (value !== undefined) return numberKey(value);
      break;
    }
    case 'money':
      // "49.99 USD" in a spec is 49.99 whatever the language; "49,99 PLN" reads the same.
      return single(text, 'money', { ...options, language: 'en' });
  }
  return single(text, type, options);
}

/** The key of the one value of this type in the text, if the text states exactly one. */
function single(text: string, type: ValueType, options: ExtractOptions): string | undefined {
  const values = extractValues(text, options).filter((v) => v.type === type);
  return values.length === 1 ? values[0].key : undefined;
}
