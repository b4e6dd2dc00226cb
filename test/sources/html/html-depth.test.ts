// 600,000 nested <b> (4 MB): htmlparser2's open-element stack made each tag cost O(depth).
// Past MAX_HTML_DEPTH the deep elements become siblings: the work per tag is bounded (the
// stack never grows past the cap: counted) and every word is still read.
import { describe, expect, it } from 'vitest';
import type { ChildNode } from 'domhandler';
import { MAX_HTML_DEPTH, parseHtml } from '../../../src/sources/html/html-text.js';
import { readHtml } from '../../../src/sources/web/web.js';

function depthOf(root: { children?: ChildNode[] }): number {
  let max = 0;
  const stack: Array<[{ children?: ChildNode[] }, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    for (const child of node.children ?? []) stack.push([child as { children?: ChildNode[] }, depth + 1]);
  }
  return max;
}

describe('deeply nested HTML', () => {
  it('keeps at most MAX_HTML_DEPTH open elements, flattening the rest, and keeps the text', { timeout: 300_000 }, () => {
    const n = 600_000;
    const html = `<html><body><p>Spring Sale ${'<b>'.repeat(n)}is on</p></body></html>`;
    expect(html.length).toBeGreaterThan(1_800_000);
    const parsed = parseHtml(html);
    // html, body, p and the first <b>s fill the cap; every deeper <b> closed one first.
    expect(parsed.flattened).toBe(n + 3 - MAX_HTML_DEPTH);
    expect(depthOf(parsed.document)).toBeLessThanOrEqual(MAX_HTML_DEPTH + 1);
  });

  it('reads such a page with its words in order', { timeout: 300_000 }, () => {
    const html = `<html><head><title>Deep</title></head><body><p>Spring Sale ${'<b>'.repeat(100_000)}is on</p></body></html>`;
    const parts = readHtml({ id: 'deep.html', name: 'deep.html', kind: 'web', bytes: new TextEncoder().encode(html) });
    const body = parts.filter((p) => p.role !== 'title').map((p) => p.text);
    expect(body.join(' ').replace(/\s+/g, ' ')).toContain('Spring Sale is on');
  });

  it('leaves ordinary nesting alone', () => {
    const parsed = parseHtml(`<div>${'<span>'.repeat(100)}x${'</span>'.repeat(100)}</div>`);
    expect(parsed.flattened).toBe(0);
    expect(depthOf(parsed.document)).toBe(102);
  });
});
