// Parsing and text building for the HTML walker (src/sources/html/html.ts), kept apart so the walker
// reads as policy (what is copy) and this file as mechanics (where each character came from).
import { DomHandler, isTag, isText, type ChildNode, type DomHandlerOptions, type Document, type Element, type Text } from 'domhandler';
import { Parser } from 'htmlparser2';
import type { Anchor, Position } from '../../documents/types.js';
import { BLOCK, NOT_COPY } from './html-elements.js';

/**
 * One piece of a text node as the parser produced it. htmlparser2 decodes entities while it
 * tokenizes and reports each raw run and each entity separately; domhandler then glues them
 * into one Text node. Recording the pieces is the only exact way back from decoded text to
 * the file without decoding entities a second time.
 */
export interface TextChunk {
  /** Offset in the text node's data where this chunk begins. */
  at: number;
  /** Offset in the file of the chunk's first character. */
  src: number;
  /** The chunk's data is the file's text character for character (not a decoded entity). */
  inStep: boolean;
}

interface ParserPositions {
  startIndex: number | null;
  endIndex: number | null;
}

/**
 * Deepest element nesting kept. htmlparser2 keeps its open elements in an array it unshifts
 * per tag, so 600,000 nested <b> (4 MB) cost O(depth) each: hours. Deeper than this, an opening
 * tag first closes the innermost open element, so the deep ones become siblings: the text is
 * all kept, the work per tag is bounded, and no real page nests this deep.
 */
export const MAX_HTML_DEPTH = 512;

class ChunkRecordingHandler extends DomHandler {
  readonly chunks = new Map<Text, TextChunk[]>();
  private positions: ParserPositions | null = null;
  /** Opening tags that closed the innermost element because of MAX_HTML_DEPTH. */
  flattened = 0;

  /** Called by the parser after it put the new element on its stack, before the DOM has it. */
  onopentagname(): void {
    const stack = (this.positions as { stack?: string[] } | null)?.stack;
    if (stack && stack.length > MAX_HTML_DEPTH) {
      stack.splice(1, 1);
      this.onclosetag();
      this.flattened++;
    }
  }

  constructor(
    private readonly html: string,
    options: DomHandlerOptions,
  ) {
    super(undefined, options);
  }

  override onparserinit(parser: ParserPositions): void {
    super.onparserinit(parser);
    this.positions = parser;
  }

  override ontext(data: string): void {
    const previous = this.lastNode;
    const at = previous && isText(previous) ? previous.data.length : 0;
    super.ontext(data);
    const node = this.lastNode as Text;
    const src = this.positions?.startIndex ?? 0;
    const end = (this.positions?.endIndex ?? src - 1) + 1;
    const inStep = end - src === data.length && this.html.startsWith(data, src);
    const list = this.chunks.get(node);
    if (list) list.push({ at, src, inStep });
    else this.chunks.set(node, [{ at, src, inStep }]);
  }
}

export interface ParsedHtml {
  document: Document;
  chunks: Map<Text, TextChunk[]>;
  /** Opening tags past MAX_HTML_DEPTH, read as siblings of the innermost element. */
  flattened: number;
}

/** htmlparser2 (the fast path FACTS.md measured), with element offsets and text chunks. */
export function parseHtml(html: string): ParsedHtml {
  const handler = new ChunkRecordingHandler(html, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  return { document: handler.root, chunks: handler.chunks, flattened: handler.flattened };
}

/** Calls `visit` with each in-step-or-not run of a text node, with its file offset. */
export function forEachChunk(node: Text, chunks: Map<Text, TextChunk[]>, visit: (data: string, src: number, inStep: boolean) => void): void {
  const list = chunks.get(node);
  if (!list) {
    visit(node.data, node.startIndex ?? -1, false);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const chunk = list[i];
    const end = i + 1 < list.length ? list[i + 1].at : node.data.length;
    visit(list.length === 1 ? node.data : node.data.slice(chunk.at, end), chunk.src, chunk.inStep);
  }
}

// Whitespace collapses to one space; these invisible characters (soft hyphen, zero-width space,
// word joiner, the combining grapheme joiner of preheader padding) vanish without a space.
const GAP_CHARS = String.raw`\s\u00ad\u034f\u200b\u2060`;
const GAP = new RegExp(`[${GAP_CHARS}]+`, 'g');
const SPACE = /\s/;
// Words (none of the characters a gap is made of) between single plain spaces.
const PLAIN_WORDS = new RegExp(`^[^${GAP_CHARS}]+(?: [^${GAP_CHARS}]+)*$`);
// ZWNJ/ZWJ belong inside words (Persian, emoji sequences) but alone they are preheader padding.
const JOINER_CHARS = String.raw`\u200c\u200d`;
const ONLY_JOINERS = new RegExp(`^[${JOINER_CHARS}]+$`);
const HAS_JOINER = new RegExp(`[${JOINER_CHARS}]`);
// Across a link or image edge, a word, or a clause's punctuation, meeting a word reads as two.
const WORD_END = /[\p{L}\p{N}:;,!?)\]»›]$/u;
const WORD_START = /^[\p{L}\p{N}(\[«‹]/u;

/**
 * Builds one part's text: collapses whitespace, records anchors where the text and the file stop
 * running in step, and records muted (struck-through) ranges.
 */
export class TextBuilder {
  text = '';
  readonly anchors: Anchor[] = [];
  readonly muted: Array<[number, number]> = [];
  /** Offsets of the spaces that stand for a `<br>` (see Part.lineBreaks). */
  readonly lineBreaks: number[] = [];
  /** File offset of the first character, to keep parts in document order. */
  start = -1;
  /**
   * 0: no pending space; 1: one plain ' ' in step with the file; 2: any other whitespace;
   * 3: an element edge that separates words only if letters or digits meet across it;
   * 4: a line break (`<br>`): a space in the text, its offset kept in `lineBreaks`.
   */
  private gap: 0 | 1 | 2 | 3 | 4 = 0;
  private gapMuted = false;
  /** File offset where the next character would be if the text kept running in step; -1 when unknown. */
  private expect = -1;

  constructor(private readonly position: (offset: number) => Position) {}

  get isEmpty(): boolean {
    return this.text.length === 0;
  }

  /** A separation the file does not show as one space (a block boundary, a tag). */
  addBreak(): void {
    if (this.text.length > 0 && this.gap !== 4) this.gap = 2;
  }

  /** A `<br>`: the next word starts a new line of the same block. */
  addLineBreak(): void {
    if (this.text.length > 0) this.gap = 4;
  }

  /**
   * The edge of a link or image: `<a>survey</a><a>DevSecOps</a>` shows as separate chips, not
   * "surveyDevSecOps", while `<a>more</a>.` keeps its full stop attached.
   */
  addSoftBreak(): void {
    if (this.text.length > 0 && this.gap === 0) this.gap = 3;
  }

  /** Appends another builder's text (an image's alt standing in for a link's text), anchors and all. */
  addBuilder(other: TextBuilder): void {
    if (other.isEmpty) return;
    if (this.text.length > 0) this.text += ' ';
    const shift = this.text.length;
    for (const anchor of other.anchors) this.anchors.push({ ...anchor, at: anchor.at + shift });
    for (const [start, end] of other.muted) this.muted.push([start + shift, end + shift]);
    if (this.start < 0) this.start = other.start;
    this.text += other.text;
    this.expect = -1;
    this.gap = 0;
  }

  /**
   * Appends text whose first character is at file offset `src` (-1: unknown). `inStep` says the
   * text is the file's own characters, so each later word's offset follows from `src`.
   * Returns whether any visible character was added.
   */
  addText(data: string, src: number, inStep: boolean, muted = false): boolean {
    // Most text is words between single spaces: then the words after the first run in step
    // with it and only the first can need an anchor, a line break or a space before it, so
    // the rest is appended whole. The same text, anchors and ranges as word by word.
    if (PLAIN_WORDS.test(data) && !HAS_JOINER.test(data)) {
      const space = data.indexOf(' ');
      if (space < 0) return this.addWord(data, src, inStep, muted);
      this.addWord(data.slice(0, space), src, inStep, muted);
      this.text += data.slice(space);
      this.expect = inStep && src >= 0 ? src + data.length : -1;
      this.gapMuted = muted;
      if (muted) this.muted[this.muted.length - 1][1] = this.text.length;
      return true;
    }
    return this.addTextWordByWord(data, src, inStep, muted);
  }

  /** addText one word and gap at a time: what it does for any text (and the reference for its shortcut). */
  addTextWordByWord(data: string, src: number, inStep: boolean, muted = false): boolean {
    let added = false;
    let last = 0;
    GAP.lastIndex = 0;
    for (let match = GAP.exec(data); ; match = GAP.exec(data)) {
      const end = match ? match.index : data.length;
      if (end > last) {
        const wordSrc = src < 0 ? -1 : inStep ? src + last : last === 0 ? src : -1;
        added = this.addWord(data.slice(last, end), wordSrc, inStep, muted) || added;
      }
      if (!match) break;
      const run = match[0];
      if (SPACE.test(run)) this.addGap(run === ' ' && inStep, muted);
      else if (this.expect >= 0) this.expect = -1; // dropped invisible characters: the file jumps ahead
      last = match.index + run.length;
    }
    return added;
  }

  private addGap(plainSpace: boolean, muted: boolean): void {
    if (this.text.length === 0) return;
    if (this.gap === 0 && plainSpace) {
      this.gap = 1;
      if (this.expect >= 0) this.expect += 1;
    } else if (this.gap !== 4) {
      this.gap = 2;
    }
    this.gapMuted = muted;
  }

  private addWord(word: string, src: number, inStep: boolean, muted: boolean): boolean {
    if (ONLY_JOINERS.test(word)) return false;
    let spaceMuted = false;
    if (this.gap === 3) this.gap = WORD_END.test(this.text) && WORD_START.test(word) ? 2 : 0;
    if (this.gap !== 0 && this.text.length > 0) {
      if (this.gap === 4) this.lineBreaks.push(this.text.length);
      this.text += ' ';
      spaceMuted = this.gapMuted;
    }
    const at = this.text.length;
    if (src >= 0 && (this.gap >= 2 || src !== this.expect || at === 0)) {
      const { line, column } = this.position(src);
      this.anchors.push({ at, line, column });
    }
    if (this.start < 0 && src >= 0) this.start = src;
    this.text += word;
    this.expect = inStep && src >= 0 ? src + word.length : -1;
    this.gap = 0;
    if (muted) this.markMuted(at, this.text.length, spaceMuted);
    return true;
  }

  private markMuted(start: number, end: number, spaceMuted: boolean): void {
    const last = this.muted[this.muted.length - 1];
    if (last && (last[1] === start || (spaceMuted && last[1] === start - 1))) last[1] = end;
    else this.muted.push([start, end]);
  }
}

/**
 * An attribute's value as chunks of the file, like a text node's: where the value starts, and
 * where each entity sits, so anchors inside `content="Mac &amp; i"` are exact too. Falls back to
 * one chunk at the element's start when the value cannot be found as written.
 */
export function attributeChunks(html: string, element: Element, name: string): Array<{ data: string; src: number; inStep: boolean }> {
  const value = element.attribs[name] ?? '';
  const start = element.startIndex ?? 0;
  const fallback = [{ data: value, src: start, inStep: false }];
  const bound = element.children[0]?.startIndex ?? element.endIndex ?? html.length;
  const pattern = attributePattern(name);
  pattern.lastIndex = start;
  const match = pattern.exec(html);
  if (!match || match.index >= bound) return fallback;
  const src = match.index + match[0].length;
  if (html.startsWith(value, src) && (value.length === 0 || !value.includes('&'))) return [{ data: value, src, inStep: true }];
  const quote = match[0].at(-1);
  const end = quote === '"' || quote === "'" ? html.indexOf(quote, src) : html.slice(src, bound).search(/[\s>]|$/) + src;
  if (end < 0 || end > bound) return fallback;
  // The value's own text, decoded by the same parser as text nodes so the chunks line up.
  const { document, chunks } = parseHtml(html.slice(src, end));
  const node = document.children[0];
  if (document.children.length !== 1 || !node || !isText(node) || node.data !== value) return fallback;
  const pieces: Array<{ data: string; src: number; inStep: boolean }> = [];
  forEachChunk(node, chunks, (data, offset, inStep) => pieces.push({ data, src: src + offset, inStep }));
  return pieces;
}

const attributePatterns = new Map<string, RegExp>();
function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`[\\s"'/]${name.replace(/[^\w-]/g, '\\$&')}\\s*=\\s*["']?`, 'gi');
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/**
 * Text of an element's subtree, for values (microdata) rather than copy: whitespace collapsed
 * within blocks, blocks on lines of their own so a caller can take the first.
 */
export function textContent(element: Element): string {
  let text = '';
  const stack: Array<ChildNode | '\n'> = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === '\n') text += '\n';
    else if (isText(node)) text += node.data;
    else if (isTag(node) && !NOT_COPY.has(node.name)) {
      const block = BLOCK.has(node.name) || node.name === 'br';
      if (block) stack.push('\n');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      if (block) text += '\n';
    }
  }
  return text
    .split(/[^\S\n]*\n\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
