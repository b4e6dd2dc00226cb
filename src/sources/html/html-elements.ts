// What HTML elements mean for copy: which break blocks, which are never copy, which are hidden,
// which links are buttons. The walker in html.ts applies these; they are data and predicates only.
import { isTag, isText, type ChildNode, type Element } from 'domhandler';

// <br> is not here: it breaks a line inside its block ("<strong>Nimbus Pro</strong><br>$59.99
// per month" is one card), and the walker keeps it as a line break in the part's text.
export const BLOCK = new Set(
  'address article aside blockquote body button caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol optgroup option p pre section summary table tbody td tfoot th thead title tr ul'.split(' '),
);
// Code samples (<pre>, <code>, <kbd>, <samp>) are not marketing copy: a snippet's "Github"
// or "cancel any time" is not the campaign's wording.
export const NOT_COPY = new Set('script style template noscript svg math iframe object embed canvas audio video textarea pre code kbd samp'.split(' '));
export const STRUCK = new Set(['s', 'del', 'strike']);
/** Inline elements whose edges part words when letters meet across them (see addSoftBreak). */
export const SOFT_EDGE = new Set(['a', 'img', 'input', 'select', 'label']);
export const NAVIGATION = new Set(['nav', 'header', 'footer']);
export const NAVIGATION_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'menubar']);
export const HEADING = /^h[1-6]$/;
/** Open Graph / Twitter-card properties that are copy (not URLs, ids or types). */
export const OG_TEXT = new Set(['og:title', 'og:description', 'og:site_name', 'og:image:alt', 'twitter:title', 'twitter:description', 'twitter:image:alt']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;
const BUTTON_WORDS = new Set(['btn', 'button', 'cta']);

export function isHidden(el: Element): boolean {
  const attribs = el.attribs;
  if (attribs.hidden !== undefined || attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  if (el.name === 'input' && attribs.type?.trim().toLowerCase() === 'hidden') return true;
  return attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style);
}

// Collapsed rather than hidden: what Outlook (mso-hide) and clients that ignore display:none see as nothing.
const COLLAPSED_STYLE = /(?:^|;)\s*(?:mso-hide\s*:\s*all|opacity\s*:\s*0(?:\.0+)?\s*(?:!important\s*)?(?:;|$)|max-height\s*:\s*0(?:px)?\s*(?:!important\s*)?(?:;|$))/i;

/**
 * Preheaders are sometimes kept visible but tiny, or only collapsed; their class or style
 * still says what they are. Asked only at the start of an email body, never of a web page.
 */
export function isPreheaderClass(el: Element): boolean {
  return /\b(?:preheader|pre-header|preview-text)\b/i.test(el.attribs.class ?? '') || COLLAPSED_STYLE.test(el.attribs.style ?? '');
}

export function hasText(el: Element): boolean {
  const stack: ChildNode[] = [...el.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node) && /[^\s\u00ad\u034f\u200b-\u200d\u2060]/.test(node.data)) return true;
    if (isTag(node) && !NOT_COPY.has(node.name)) stack.push(...node.children);
  }
  return false;
}

/**
 * A link styled as a button: class or role words btn/button/cta (as whole words of the class,
 * so "spectacular" is not "cta"), role=button, a button-classed wrapper (email tables), or an
 * inline style painting a padded background (MJML's mj-button and hand-made email buttons).
 */
export function isButtonLike(el: Element): boolean {
  if ((el.attribs.role ?? '').trim().toLowerCase() === 'button') return true;
  if (hasButtonClass(el)) return true;
  const parent = el.parent;
  if (parent && isTag(parent) && hasButtonClass(parent)) return true;
  const style = (el.attribs.style ?? '').toLowerCase();
  return /(?:^|;)\s*background(?:-color)?\s*:/.test(style) && /(?:^|;)\s*padding/.test(style);
}

function hasButtonClass(el: Element): boolean {
  const classes = el.attribs.class;
  if (!classes) return false;
  for (const word of classes.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/)) if (BUTTON_WORDS.has(word.toLowerCase())) return true;
  return false;
}
