// Social sources read HTML posts with htmlparser2 and entities directly, not through cheerio
// (which a social-only run then never loads): the same trees and the same characters as
// cheerio/slim gives, which wraps the same parser.
import { load } from 'cheerio/slim';
import { encodeHTML } from 'entities';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../src/sources/social/social-text.js';

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}
const shape = (node: Node): unknown => ({ type: node.type, name: node.name, data: node.data, attribs: node.attribs, children: node.children?.map(shape) });

describe('social HTML without cheerio', () => {
  it('decodes every named reference and numeric ones as the HTML parser does', () => {
    const refs = new Set(['&#0;', '&#128;', '&#x80;', '&#159;', '&#xD800;', '&#x10FFFF;', '&#x110000;', '&#9999999;', '&ampx;', '&notit;', '&AMP;', '&Amp;', '&foo;', '&NotNestedGreaterGreater;']);
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const encoded = encodeHTML(String.fromCodePoint(cp));
      if (encoded.startsWith('&') && !encoded.startsWith('&#')) refs.add(encoded);
    }
    for (let cp = 0; cp < 0x11000; cp += 13) refs.add(`&#${cp};`).add(`&#x${cp.toString(16)};`);
    expect(refs.size).toBeGreaterThan(2_000);
    const differing = [...refs].filter((ref) => decodeEntities(`a ${ref} b`) !== load(`a ${ref} b`, null, false).root().text());
    expect(differing).toEqual([]);
  });

  it('parses a post into the tree cheerio/slim gives', () => {
    const pieces = ['<p>', '</p>', '<br>', '<br/>', '<a href="https://x.example/a?b=1&amp;c=2" class="mention">', '</a>', '<span class="invisible">', '</span>', 'text', ' ', '\n', '&amp;', '&lt;', '&nbsp;', '<script>x</script>', '<!-- c -->', '<DIV>', '</div>', '<li>', '<ul>', 'é', '<', '>'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const html = parts.join('');
        expect(shape(parseDocument(html) as unknown as Node)).toEqual(shape(load(html, null, false).root()[0] as unknown as Node));
      }),
      { numRuns: 2_000, seed: 3 },
    );
  });
});
