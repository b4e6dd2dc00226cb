// Walks HTML into parts of copy: one part per block of text, with roles and anchors into the
// file. Shared by web pages and HTML email bodies. cheerio's .text() glues blocks ("menuSave",
// FACTS.md), so the walk is our own, over htmlparser2's DOM (~3x faster than parse5).
import { load } from 'cheerio/slim';
import { isTag, isText, type ChildNode, type Document, type Element, type Text } from 'domhandler';
import { LineIndex, type Part, type Position, type Role } from '../../documents/types.js';
import { BLOCK, HEADING, hasText, isButtonLike, isHidden, isPreheaderClass, NAVIGATION, NAVIGATION_ROLES, NOT_COPY, OG_TEXT, SOFT_EDGE, STRUCK } from './html-elements.js';
import { attributeChunks, forEachChunk, parseHtml, TextBuilder, type TextChunk } from './html-text.js';
import { offerParts } from './structured.js';
import { SourceError } from '../types.js';

export interface HtmlOptions {
  /** CSS selector scoping body copy; page metadata (title, meta, og, JSON-LD) is still read. A selector that matches nothing -> SourceError naming the selector. */
  selector?: string;
  /** CSS selectors whose elements (and everything inside) are not copy: body, links, alt and microdata offers. Title and meta are still read. An invalid one -> SourceError naming it. */
  exclude?: string[];
  /** Where `html` starts inside the file (HTML embedded in an .mjml or .eml); default {line:1,column:1}. Anchors are shifted by it. */
  origin?: { line: number; column: number };
  /** Read page metadata: <title>, meta description, Open Graph / Twitter card, JSON-LD/microdata offers. Default true. */
  metadata?: boolean;
  /** Email mode: the hidden first text of the body (the inbox preheader, usually a display:none div or span before visible content) becomes a part with role 'preheader' instead of being dropped as hidden. Default false. */
  preheader?: boolean;
}

export function htmlToParts(html: string, options: HtmlOptions = {}): Part[] {
  const { document, chunks } = parseHtml(html);
  const lines = new LineIndex(html);
  const origin = options.origin ?? { line: 1, column: 1 };
  const position = (offset: number): Position => {
    const { line, column } = lines.position(offset);
    return line === 1 ? { line: origin.line, column: origin.column + column - 1 } : { line: origin.line + line - 1, column };
  };
  const select = selectorsOf(document);
  let scope: Set<Element> | undefined;
  if (options.selector !== undefined) {
    scope = select(options.selector, 'selector');
    if (scope.size === 0) throw new SourceError(`selector "${options.selector}" matches nothing`);
  }
  // An exclude that matches nothing is fine: one list of nav/footer/banner selectors serves many pages.
  const excluded = new Set<Element>();
  for (const selector of options.exclude ?? []) for (const el of select(selector, 'exclude selector')) excluded.add(el);
  const walker = new Walker(html, chunks, position, scope, excluded, options);
  walker.walk(document);
  const parts = walker.parts;
  if (options.metadata !== false) parts.push(...offerParts(document, position, excluded));
  return inDocumentOrder(parts);
}

/** The one way selectors (scope and exclude alike) pick elements; a bad one is a SourceError naming it. */
function selectorsOf(document: Document): (selector: string, what: string) => Set<Element> {
  let $: ReturnType<typeof load> | undefined;
  return (selector, what) => {
    try {
      $ ??= load(document);
      return new Set($(selector).toArray().filter(isTag));
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new SourceError(`invalid ${what} "${selector}": ${reason}`);
    }
  };
}

interface LinkCollector {
  builder: TextBuilder;
  element: Element;
  role: Role;
  href?: string;
  /** Alt texts of images inside, held back: an image-only link says them as its own text. */
  alts: TextBuilder[];
  /** A block boundary fell inside the link (a card wrapping a heading and a paragraph). */
  spansBlocks: boolean;
}

// What entering an element changed, so leaving it can undo exactly that.
const F_BLOCK = 1;
const F_ROLE = 2;
const F_LINK = 4;
const F_MUTED = 8;
const F_NAV = 16;
const F_SCOPE = 32;
const F_HEAD = 64;
const F_TITLE = 128;
const F_PREHEADER = 256;

type Frame = ChildNode | { leave: Element; flags: number };

class Walker {
  readonly parts: Part[] = [];
  private block: TextBuilder | undefined;
  /** Whether the running block has text outside links; one made only of link text is said by its link parts. */
  private blockHasOwnText = false;
  private readonly roles: Role[] = ['body'];
  private readonly links: LinkCollector[] = [];
  /**
   * Link parts closed inside the running block. Their text is also the block's text, so they
   * become parts only if the block does not (a nav bar, a list of links); otherwise a term or
   * value inside an inline link would be said twice.
   */
  private inlineLinks: Part[] = [];
  private muted = 0;
  private nav = 0;
  private scopeDepth = 0;
  private head = 0;
  private title: TextBuilder | undefined;
  private titleDone = false;
  private preheader: TextBuilder | undefined;
  private preheaderDone: boolean;
  private seenVisibleText = false;

  constructor(
    private readonly html: string,
    private readonly chunks: Map<Text, TextChunk[]>,
    private readonly position: (offset: number) => Position,
    private readonly scope: Set<Element> | undefined,
    private readonly excluded: Set<Element>,
    private readonly options: HtmlOptions,
  ) {
    this.preheaderDone = !options.preheader;
  }

  /** Iterative, so pages with thousands of unclosed tags cannot overflow the stack. */
  walk(document: Document): void {
    const stack: Frame[] = [...document.children].reverse();
    while (stack.length > 0) {
      const frame = stack.pop()!;
      if ('leave' in frame) {
        this.leave(frame.leave.name, frame.flags);
      } else if (isText(frame)) {
        this.text(frame);
      } else if (isTag(frame)) {
        const flags = this.enter(frame);
        if (flags === null) continue;
        stack.push({ leave: frame, flags });
        for (let i = frame.children.length - 1; i >= 0; i--) stack.push(frame.children[i]);
      }
      // Comments, doctypes and CDATA are not copy.
    }
    this.flush();
  }

  private get inScope(): boolean {
    return this.scope === undefined || this.scopeDepth > 0;
  }

  /** Returns what entering changed, or null to skip the element's subtree. */
  private enter(el: Element): number | null {
    const name = el.name;
    if (NOT_COPY.has(name)) return null;
    if (name === 'meta') {
      if (this.options.metadata !== false) this.meta(el);
      return null;
    }
    if (name === 'title') {
      if (this.options.metadata === false || this.titleDone || this.title || this.preheader) return null;
      this.title = new TextBuilder(this.position);
      return F_TITLE;
    }
    if (name === 'head') {
      this.head++;
      return F_HEAD;
    }
    if (this.head > 0) return 0; // <link>, <base>…: nothing in head but title and meta is copy
    if (this.excluded.has(el)) return null;
    if (isHidden(el)) return this.startPreheader(el) ? F_PREHEADER : null;
    if (!this.seenVisibleText && this.options.preheader && isPreheaderClass(el) && this.startPreheader(el)) return F_PREHEADER;

    let flags = 0;
    if (this.scope?.has(el)) {
      this.scopeDepth++;
      flags |= F_SCOPE;
    }
    if (this.preheader) {
      if (BLOCK.has(name) || name === 'br') this.preheader.addBreak();
      return flags;
    }
    if (BLOCK.has(name)) {
      this.boundary();
      flags |= F_BLOCK;
    }
    const isButton = name === 'button' || (name !== 'a' && el.attribs.role?.trim().toLowerCase() === 'button');
    // A button-like link stands apart from the text around it, as it looks: its words are said
    // once, by its cta part (with its target), not also inside the paragraph it sits in.
    const isButtonLink = name === 'a' && this.inScope && isButtonLike(el);
    if ((isButton || isButtonLink) && !(flags & F_BLOCK)) {
      this.boundary();
      flags |= F_BLOCK;
    }
    const role = HEADING.test(name) ? 'heading' : isButton ? 'cta' : undefined;
    if (role) {
      this.roles.push(role);
      flags |= F_ROLE;
      if (role === 'cta') for (const link of this.links) link.role = 'cta';
    }
    if (STRUCK.has(name)) {
      this.muted++;
      flags |= F_MUTED;
    }
    if (NAVIGATION.has(name) || NAVIGATION_ROLES.has(el.attribs.role ?? '')) {
      this.nav++;
      flags |= F_NAV;
    }
    if (SOFT_EDGE.has(name)) this.softBreak();
    if (name === 'br') this.lineBreak();
    if (name === 'a' && this.inScope && (el.attribs.href !== undefined || isButtonLink)) {
      const role: Role = isButtonLink ? 'cta' : this.nav > 0 ? 'nav' : 'link';
      const href = el.attribs.href?.trim();
      this.links.push({ builder: new TextBuilder(this.position), element: el, role, href, alts: [], spansBlocks: false });
      flags |= F_LINK;
    }
    if (name === 'img' && this.inScope) this.image(el);
    if (name === 'input' && this.inScope) this.input(el);
    return flags;
  }

  private leave(name: string, flags: number): void {
    if (flags & F_TITLE) {
      this.emit('title', this.title!);
      this.title = undefined;
      this.titleDone = true;
    }
    if (flags & F_PREHEADER) {
      this.emit('preheader', this.preheader!);
      this.preheader = undefined;
    }
    if (flags & F_HEAD) this.head--;
    if (flags & F_LINK) this.closeLink();
    if (SOFT_EDGE.has(name)) this.softBreak();
    if (flags & F_BLOCK) this.boundary();
    if (flags & F_ROLE) this.roles.pop();
    if (flags & F_MUTED) this.muted--;
    if (flags & F_NAV) this.nav--;
    if (flags & F_SCOPE) this.scopeDepth--;
  }

  private text(node: Text): void {
    const target = this.title ?? this.preheader;
    if (target) {
      forEachChunk(node, this.chunks, (data, src, inStep) => target.addText(data, src, inStep));
      return;
    }
    if (this.head > 0 || !this.inScope) return;
    const muted = this.muted > 0;
    forEachChunk(node, this.chunks, (data, src, inStep) => {
      this.block ??= new TextBuilder(this.position);
      if (this.block.addText(data, src, inStep, muted)) {
        this.seenVisibleText = true;
        if (this.links.every(saysOwnBlocks)) this.blockHasOwnText = true;
      }
      // Link text stays in its paragraph; the link's own part is kept only where the paragraph
      // is not emitted (see inlineLinks).
      for (const link of this.links) link.builder.addText(data, src, inStep, muted);
    });
  }

  private softBreak(): void {
    this.block?.addSoftBreak();
    for (const link of this.links) link.builder.addSoftBreak();
  }

  /** A `<br>`: a new line inside the running block, never a new part. */
  private lineBreak(): void {
    this.block?.addLineBreak();
    for (const link of this.links) link.builder.addBreak();
  }

  /** A block starts or ends: the running block becomes a part; links spanning it get a space. */
  private boundary(): void {
    // A link that wraps blocks (a card: heading and paragraph) is said by those blocks, text
    // before its first inner block included; its own part would say every word again.
    if (this.links.some((l) => !l.spansBlocks && l.role !== 'cta')) this.blockHasOwnText ||= this.block !== undefined && !this.block.isEmpty;
    this.flush();
    for (const link of this.links) {
      link.builder.addBreak();
      link.spansBlocks = true;
    }
  }

  private flush(): void {
    const role = this.roles[this.roles.length - 1];
    // A block with no text of its own is said by the links it is made of (a nav bar, a linked
    // heading); without links, a heading or button's text is still copy.
    const emitted = this.block !== undefined && (this.blockHasOwnText || (this.inlineLinks.length === 0 && role !== 'body' && role !== 'cta'));
    if (emitted) this.emit(role, this.block!);
    else this.parts.push(...this.inlineLinks);
    this.inlineLinks = [];
    this.block = undefined;
    this.blockHasOwnText = false;
  }

  private emit(role: Role, builder: TextBuilder, href?: string, into: Part[] = this.parts): void {
    if (builder.isEmpty) return;
    const part: Part = { role, text: builder.text, anchors: builder.anchors };
    if (href !== undefined) part.href = href;
    if (builder.muted.length > 0) part.muted = builder.muted;
    if (builder.lineBreaks.length > 0) part.lineBreaks = builder.lineBreaks;
    into.push(part);
  }

  private closeLink(): void {
    const link = this.links.pop()!;
    const outer = this.links[this.links.length - 1];
    if (link.builder.isEmpty) {
      // An image banner or icon link: its label is the best text it has, and its target matters.
      const labelled = ['aria-label', 'title'].find((name) => link.element.attribs[name]?.trim());
      if (labelled) this.attributeText(link.builder, link.element, labelled);
      else for (const alt of link.alts.splice(0)) link.builder.addBuilder(alt);
      this.emit(link.role, link.builder, link.href);
    } else if (!saysOwnBlocks(link)) {
      const inline = !link.spansBlocks && this.block !== undefined;
      this.emit(link.role, link.builder, link.href, inline ? this.inlineLinks : this.parts);
    }
    // Alts the link did not say as its text are still copy: an enclosing link may need them.
    if (outer) outer.alts.push(...link.alts);
    else for (const alt of link.alts) this.emit('alt', alt);
  }

  private meta(el: Element): void {
    const key = (el.attribs.property ?? el.attribs.name ?? '').trim().toLowerCase();
    const role: Role | undefined = key === 'description' ? 'description' : OG_TEXT.has(key) ? 'og' : undefined;
    if (!role || !el.attribs.content) return;
    const builder = new TextBuilder(this.position);
    this.attributeText(builder, el, 'content');
    this.emit(role, builder);
  }

  private image(el: Element): void {
    if (!el.attribs.alt?.trim()) return;
    const builder = new TextBuilder(this.position);
    this.attributeText(builder, el, 'alt');
    const link = this.links[this.links.length - 1];
    if (link) link.alts.push(builder);
    else this.emit('alt', builder);
  }

  private input(el: Element): void {
    const type = (el.attribs.type ?? '').trim().toLowerCase();
    if ((type === 'submit' || type === 'button') && el.attribs.value?.trim()) {
      const builder = new TextBuilder(this.position);
      this.attributeText(builder, el, 'value');
      this.emit('cta', builder);
    } else if (type === 'image') {
      this.image(el);
    }
  }

  /** Attribute text, anchored at the attribute's value in the file (or the element when not found). */
  private attributeText(builder: TextBuilder, el: Element, attribute: string): void {
    for (const { data, src, inStep } of attributeChunks(this.html, el, attribute)) builder.addText(data, src, inStep);
  }

  private startPreheader(el: Element): boolean {
    if (this.preheaderDone || this.seenVisibleText || this.head > 0 || !hasText(el)) return false;
    this.flush();
    this.preheader = new TextBuilder(this.position);
    this.preheaderDone = true;
    return true;
  }
}

function inDocumentOrder(parts: Part[]): Part[] {
  const at = (part: Part) => part.anchors[0] ?? { line: Number.MAX_SAFE_INTEGER, column: 0 };
  // Array.prototype.sort is stable: parts starting at the same place keep their walk order.
  return parts.sort((a, b) => at(a).line - at(b).line || at(a).column - at(b).column);
}

/** A link wrapping blocks leaves its words to them; a call to action keeps its own part for its target. */
function saysOwnBlocks(link: LinkCollector): boolean {
  return link.spansBlocks && link.role !== 'cta';
}
