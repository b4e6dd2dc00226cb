// Offers a page states in structured data (JSON-LD, microdata, Open Graph product tags), as
// `offer` parts whose text is a sentence the value extractor reads like copy, with the
// product's name and description as context for `near` words:
// "Parallels Desktop for Mac – Run Windows on Mac…: 79.99 USD, valid until 2019-10-01".
import { isTag, isText, type ChildNode, type Document, type Element } from 'domhandler';
import type { Part, Position } from '../../documents/types.js';
import { textContent } from './html-text.js';

interface OfferFields {
  name?: string;
  description?: string;
  price?: string;
  lowPrice?: string;
  highPrice?: string;
  currency?: string;
  validUntil?: string;
}

/** One `offer` part per priced offer in the page's JSON-LD, microdata and OG product tags. */
export function offerParts(document: Document, position: (offset: number) => Position, excluded: ReadonlySet<Element> = new Set()): Part[] {
  const parts: Part[] = [];
  const emit = (fields: OfferFields, offset: number | null | undefined) => {
    const text = offerText(fields);
    if (!text) return;
    parts.push({ role: 'offer', text, anchors: [{ at: 0, ...position(offset ?? 0) }] });
  };
  const items: MicrodataItem[] = [];
  const metas: Element[] = [];
  collectStructure(document, excluded, items, metas, (script) => {
    for (const fields of jsonLdOffers(scriptText(script))) emit(fields, script.startIndex);
  });
  for (const item of items) {
    const fields = microdataOffer(item);
    if (fields) emit(fields, item.element.startIndex);
  }
  const og = openGraphOffer(metas);
  if (og) emit(og.fields, og.element.startIndex);
  return parts;
}

// ---------------------------------------------------------------- text

function offerText(fields: OfferFields): string | undefined {
  const currency = fields.currency?.trim().toUpperCase();
  // A bare number gets the ISO code; a price written with its own symbol ("£5.29") keeps it.
  const amount = (value: string) => (currency && /^[\d\s.,]+$/.test(value) ? `${value} ${currency}` : value);
  const { price, lowPrice: low, highPrice: high } = fields;
  let stated: string | undefined;
  if (price) stated = amount(price);
  else if (low && high && low !== high) stated = `from ${amount(low)} to ${amount(high)}`;
  else if (low) stated = `from ${amount(low)}`;
  else if (high) stated = `up to ${amount(high)}`;
  if (!stated) return undefined;
  const description = briefly(fields.description)?.replace(/[.!?]$/, '');
  const context = [fields.name, description && description !== fields.name ? description : undefined].filter(Boolean).join(' – ');
  let text = context ? `${context}: ${stated}` : stated;
  if (fields.validUntil) text += `, valid until ${/^\d{4}-\d\d-\d\d/.exec(fields.validUntil)?.[0] ?? fields.validUntil}`;
  return text;
}

function clean(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** A description is context, not copy to check in full: its first sentence, briefly. */
function briefly(description: string | undefined): string | undefined {
  if (!description) return undefined;
  const sentence = /^.*?[.!?](?=\s|$)/.exec(description)?.[0] ?? description;
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}

// ---------------------------------------------------------------- one pass over the DOM

interface MicrodataItem {
  element: Element;
  types: string[];
  props: Map<string, Array<Element | MicrodataItem>>;
  /** The item this one is a property of (an Offer's Product). */
  owner?: MicrodataItem;
}

const LD_JSON = /^\s*application\/ld\+json\s*(;|$)/i;

function collectStructure(document: Document, excluded: ReadonlySet<Element>, items: MicrodataItem[], metas: Element[], onJsonLd: (script: Element) => void): void {
  const stack: Array<[ChildNode, MicrodataItem | undefined]> = document.children.map((node) => [node, undefined] as [ChildNode, undefined]).reverse();
  while (stack.length > 0) {
    const [node, item] = stack.pop()!;
    // Excluded elements are not the page's copy, offers included ("related products" carousels).
    if (!isTag(node) || excluded.has(node)) continue;
    if (node.name === 'script') {
      if (LD_JSON.test(node.attribs.type ?? '')) onJsonLd(node);
      continue;
    }
    if (node.name === 'meta' && !node.attribs.itemprop) metas.push(node);
    const propNames = node.attribs.itemprop?.trim().split(/\s+/).filter(Boolean) ?? [];
    let inner = item;
    if (node.attribs.itemscope !== undefined) {
      inner = { element: node, types: itemTypes(node.attribs.itemtype), props: new Map(), owner: propNames.length > 0 ? item : undefined };
      items.push(inner);
    }
    if (item && propNames.length > 0) {
      const value = inner !== item && inner ? inner : node;
      for (const name of propNames) {
        const list = item.props.get(name);
        if (list) list.push(value);
        else item.props.set(name, [value]);
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i], inner]);
  }
}

function itemTypes(itemtype: string | undefined): string[] {
  return (itemtype ?? '').trim().split(/\s+/).filter(Boolean).map((url) => url.replace(/\/+$/, '').split(/[/#]/).pop() ?? url);
}

function scriptText(script: Element): string {
  return script.children.map((child) => (isText(child) ? child.data : '')).join('');
}

// ---------------------------------------------------------------- JSON-LD

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function jsonLdOffers(source: string): OfferFields[] {
  // Pages wrap JSON-LD in comment/CDATA guards and leave raw newlines inside strings; both are
  // the page's own quirks, so clean what is cheap to clean and skip the rest silently.
  const body = source
    .replace(/^\s*(?:\/\/\s*)?(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '')
    .replace(/[\u0000-\u001f]/g, ' ');
  let data: Json;
  try {
    data = JSON.parse(body) as Json;
  } catch {
    return [];
  }
  const offers: OfferFields[] = [];
  const visit: Visit = { offers, index: new Map(), referenced: new Set(), visited: new Set() };
  indexIds(data, visit, 0);
  visitJson(data, {}, false, visit, 0);
  return offers;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function types(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

function nameOf(node: Json | undefined): string | undefined {
  return isObject(node) ? (clean(node.name) ?? clean(node.headline)) : undefined;
}

/** What an offer is an offer of: the nearest named node above it (its Product). */
interface Context {
  name?: string;
  description?: string;
}

interface Visit {
  offers: OfferFields[];
  /** Nodes by @id, so `"offers": {"@id": "#offer"}` in a @graph reaches the node it names. */
  index: Map<string, JsonObject>;
  /** @ids that some node's `offers` points at. */
  referenced: Set<string>;
  /** Nodes already read, so a node reached by reference and in place is read once, and cycles end. */
  visited: Set<JsonObject>;
}

const MAX_DEPTH = 64; // deeper than any real page: a cycle-shaped mistake, not data

function indexIds(node: Json, visit: Visit, depth: number): void {
  if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const child of node) indexIds(child, visit, depth + 1);
    return;
  }
  const id = referenceId(node) ? undefined : node['@id'];
  if (typeof id === 'string' && !visit.index.has(id)) visit.index.set(id, node);
  for (const offer of Array.isArray(node.offers) ? node.offers : [node.offers]) {
    const ref = isObject(offer) ? referenceId(offer) : undefined;
    if (ref) visit.referenced.add(ref);
  }
  for (const value of Object.values(node)) indexIds(value, visit, depth + 1);
}

/** The @id a bare `{"@id": …}` points at; such an object is a reference, not a node. */
function referenceId(node: JsonObject): string | undefined {
  const id = node['@id'];
  return typeof id === 'string' && Object.keys(node).length === 1 ? id : undefined;
}

function visitJson(value: Json, context: Context, underOffers: boolean, visit: Visit, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const child of value) visitJson(child, context, underOffers, visit, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const ref = referenceId(value);
  const node = ref ? visit.index.get(ref) : value;
  if (!node || visit.visited.has(node)) return;
  // An offer its product points at by @id is read from there, with the product as context;
  // met in place (a @graph's top level) it would have none, so it waits for its product.
  if (!ref && typeof node['@id'] === 'string' && visit.referenced.has(node['@id'])) return;
  visit.visited.add(node);
  const nodeTypes = types(node);
  if (underOffers || nodeTypes.includes('Offer') || nodeTypes.includes('AggregateOffer')) {
    const fields = jsonLdOffer(node, context);
    if (fields) visit.offers.push(fields);
  }
  const name = nameOf(node);
  const inner: Context = name ? { name, description: clean(node.description) } : context;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'offers') visitJson(child, inner, true, visit, depth + 1);
    else if (typeof child === 'object' && child !== null) visitJson(child, inner, false, visit, depth + 1);
  }
}

function jsonLdOffer(node: JsonObject, context: Context): OfferFields | undefined {
  let price = clean(node.price);
  let currency = clean(node.priceCurrency);
  const specs = node.priceSpecification;
  for (const spec of Array.isArray(specs) ? specs : [specs]) {
    if (price || !isObject(spec)) break;
    price = clean(spec.price);
    currency ??= clean(spec.priceCurrency);
  }
  const lowPrice = clean(node.lowPrice);
  const highPrice = clean(node.highPrice);
  if (!price && !lowPrice && !highPrice) return undefined;
  const offered = isObject(node.itemOffered) ? node.itemOffered : undefined;
  const name = nameOf(node) ?? nameOf(offered) ?? context.name;
  const description = clean(offered?.description) ?? context.description;
  return { name, description, price, lowPrice, highPrice, currency, validUntil: clean(node.priceValidUntil) };
}

// ---------------------------------------------------------------- microdata

const VALUE_ATTRIBUTE: Record<string, string> = { meta: 'content', a: 'href', link: 'href', area: 'href', img: 'src', time: 'datetime', data: 'value', meter: 'value' };

function propText(item: MicrodataItem | undefined, name: string): string | undefined {
  const value = item?.props.get(name)?.[0];
  if (!value) return undefined;
  if ('props' in value) return propText(value, 'name');
  const attribute = value.attribs.content ?? value.attribs[VALUE_ATTRIBUTE[value.name] ?? ''];
  return clean(attribute ?? textContent(value));
}

/** A description's first block: a bold product line, not the care instructions below it. */
function descriptionText(item: MicrodataItem | undefined): string | undefined {
  const value = item?.props.get('description')?.[0];
  if (!value || 'props' in value) return undefined;
  return clean(value.attribs.content ?? textContent(value).split('\n')[0]);
}

function microdataOffer(item: MicrodataItem): OfferFields | undefined {
  const isOffer = item.types.includes('Offer') || item.types.includes('AggregateOffer');
  if (!isOffer && !item.props.has('price') && !item.props.has('lowPrice')) return undefined;
  const price = propText(item, 'price');
  const lowPrice = propText(item, 'lowPrice') ?? propText(item, 'lowprice');
  const highPrice = propText(item, 'highPrice') ?? propText(item, 'highprice');
  if (!price && !lowPrice && !highPrice) return undefined;
  const name = propText(item, 'name') ?? propText(item, 'itemOffered') ?? propText(item.owner, 'name');
  const description = descriptionText(item.owner) ?? descriptionText(item);
  const currency = propText(item, 'priceCurrency') ?? propText(item, 'pricecurrency');
  return { name, description, price, lowPrice, highPrice, currency, validUntil: propText(item, 'priceValidUntil') ?? propText(item, 'pricevaliduntil') };
}

// ---------------------------------------------------------------- Open Graph product tags

function openGraphOffer(metas: Element[]): { fields: OfferFields; element: Element } | undefined {
  const byKey = new Map<string, Element>();
  for (const meta of metas) {
    const key = (meta.attribs.property ?? meta.attribs.name ?? '').trim().toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, meta);
  }
  const content = (key: string) => clean(byKey.get(key)?.attribs.content);
  for (const prefix of ['product:price', 'og:price']) {
    const element = byKey.get(`${prefix}:amount`);
    const price = content(`${prefix}:amount`);
    if (!element || !price) continue;
    const name = content('og:title') ?? content('twitter:title');
    return { fields: { name, price, currency: content(`${prefix}:currency`) }, element };
  }
  return undefined;
}
