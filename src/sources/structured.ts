// Page-level copy that is not in the body: <title>, meta description, Open Graph and
// Twitter-card tags, and offers in JSON-LD or microdata, whose price is checked like a
// visible one. An offer becomes a sentence the value extractor reads: "Name: 79.99 USD".
import { selectAll as cssSelectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import type { Part, Position } from '../documents/types.js';

type Locate = (offset: number) => Position;

// css-select is generic over node types; domhandler's DOM only yields Elements from it.
export const selectAll = (query: string, root: AnyNode | AnyNode[]): Element[] => cssSelectAll(query, root) as unknown as Element[];
const selectOne = (query: string, root: AnyNode): Element | undefined => selectAll(query, root)[0];

function part(role: Part['role'], text: string, el: Element, position: Locate): Part | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? { role, text: clean, anchors: [{ at: 0, ...position(el.startIndex ?? 0) }] } : undefined;
}

const OG_TEXT = /^(?:og:(?:title|description|site_name)|twitter:(?:title|description))$/i;

export function readMetadata(dom: AnyNode, position: Locate): Part[] {
  const parts: Array<Part | undefined> = [];
  const title = selectOne('title', dom);
  if (title) parts.push(part('title', textContent(title), title, position));
  const metas = selectAll('meta', dom);
  for (const meta of metas) {
    const key = (meta.attribs.property ?? meta.attribs.name ?? '').trim();
    const content = meta.attribs.content ?? '';
    if (/^description$/i.test(key)) parts.push(part('description', content, meta, position));
    else if (OG_TEXT.test(key)) parts.push(part('og', content, meta, position));
  }
  const amount = metas.find((m) => /^(?:og|product):price:amount$/i.test(m.attribs.property ?? ''));
  if (amount) {
    const currency = metas.find((m) => /^(?:og|product):price:currency$/i.test(m.attribs.property ?? ''))?.attribs.content ?? '';
    const name = metas.find((m) => /^og:title$/i.test(m.attribs.property ?? ''))?.attribs.content ?? 'Price';
    parts.push(part('offer', `${name}: ${amount.attribs.content} ${currency}`, amount, position));
  }
  for (const script of selectAll('script[type="application/ld+json" i]', dom)) {
    for (const text of jsonLdOffers(textContent(script))) parts.push(part('offer', text, script, position));
  }
  for (const scope of selectAll('[itemtype*="schema.org/Offer" i], [itemtype*="schema.org/AggregateOffer" i]', dom)) {
    const text = microdataOffer(scope);
    if (text) parts.push(part('offer', text, scope, position));
  }
  return parts.filter((p): p is Part => p !== undefined);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function str(value: Json | undefined): string | undefined {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) return str(value['@value'] ?? value.name);
  return undefined;
}

function types(node: { [key: string]: Json }): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every Offer in a JSON-LD block, as "Product name: price currency until date". */
export function jsonLdOffers(source: string): string[] {
  let data: Json;
  try {
    data = JSON.parse(source) as Json;
  } catch {
    return []; // The page's own bug; its visible copy is still read.
  }
  const out: string[] = [];
  const visit = (node: Json | undefined, product: string | undefined): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, product));
    if (!node || typeof node !== 'object') return;
    const kinds = types(node);
    const name = kinds.some((k) => /Offer$/.test(k)) ? product : (str(node.name) ?? product);
    if (kinds.some((k) => /Offer$/.test(k))) {
      const line = offerText(name, str(node.price) ?? str(node.lowPrice), str(node.priceCurrency), str(node.priceValidUntil), str(node.highPrice));
      if (line) out.push(line);
      const spec = node.priceSpecification;
      if (spec && !node.price) visit(Array.isArray(spec) ? spec.map((s) => ({ ...(s as object), '@type': 'Offer' }) as Json) : ({ ...(spec as object), '@type': 'Offer' } as Json), name);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'priceSpecification' && value && typeof value === 'object') visit(value, name);
    }
  };
  visit(data, undefined);
  return out;
}

function offerText(name: string | undefined, price?: string, currency?: string, until?: string, high?: string): string | undefined {
  if (!price) return undefined;
  const amount = high && high !== price ? `${price} ${currency ?? ''} - ${high}` : price;
  return `${name ? `${name}: ` : ''}${amount} ${currency ?? ''}${until ? ` until ${until.slice(0, 10)}` : ''}`.replace(/\s+/g, ' ').trim();
}

function itemprop(scope: Element, prop: string): string | undefined {
  const el = selectAll(`[itemprop~="${prop}"]`, scope).find((e) => nearestScope(e) === scope);
  if (!el) return undefined;
  return (el.attribs.content ?? textContent(el)).replace(/\s+/g, ' ').trim() || undefined;
}

function nearestScope(el: Element): Element | undefined {
  for (let p = el.parent; p; p = p.parent) if ((p as Element).attribs && 'itemscope' in (p as Element).attribs) return p as Element;
  return undefined;
}

function microdataOffer(scope: Element): string | undefined {
  const price = itemprop(scope, 'price') ?? itemprop(scope, 'lowPrice');
  let product: string | undefined;
  const parentScope = nearestScope(scope);
  if (parentScope) product = itemprop(parentScope, 'name');
  const number = price?.replace(/[^\d.,]/g, '');
  return offerText(product, number, itemprop(scope, 'priceCurrency'), itemprop(scope, 'priceValidUntil'));
}
