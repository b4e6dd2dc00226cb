// The canonical key of a value written in the spec, through the same extractors as copy,
// so "49.99 USD", "$49.99" and "USD 49.99" in a spec all mean what they mean in copy.
import { extractValues, urlKey } from './extract.js';
import { numberKey, parseNumber } from './number.js';
import type { ExtractOptions, ValueType } from './types.js';

export function factKey(type: ValueType, written: string | number, options: ExtractOptions): string | undefined {
  const text = String(written).trim();
  if (!text) return undefined;
  switch (type) {
    case 'code':
      return /^[\p{L}\p{N}_-]+$/u.test(text) ? text.toUpperCase() : undefined;
    case 'url':
      return urlKey(text);
    case 'number':
    case 'percent': {
      const bare = text.replace(/\s?%$/, '');
      const n = /^\d+(?:\.\d+)?$/.test(bare) ? Number(bare) : parseNumber(bare, options.language);
      if (n !== undefined) return numberKey(n);
      break;
    }
    case 'date':
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        return extractValues(text, { language: 'en' }).find((v) => v.type === 'date' && v.raw === text)?.key;
      }
      break;
  }
  // A decimal point in a spec is always a decimal point ("49.99 USD"), whatever the language.
  const value = extractValues(text, { ...options, language: type === 'money' ? 'en' : options.language }).find((v) => v.type === type);
  return value?.key;
}
