// Mastodon and ActivityPub posts are HTML: paragraphs and <br> become line breaks (they
// count toward length), entities are decoded, tags dropped.
import { decodeHTML } from 'entities';

export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .trim();
}
