// `storefront check --print-config`: the spec as storefront resolved it — every default filled
// in, channel lists spelled out, platform limits applied — written back in the spec file's
// own keys, so it can be read (and diffed) like the file itself.
import { stringify } from 'yaml';
import type { Channel, Exception, Fact, Message, SourceEntry, Spec, Term } from '../spec/types.js';
import { PLATFORM_MAX_LENGTH } from '../spec/resolve.js';

type Plain = Record<string, unknown>;

/** Drops undefined keys: YAML would print them as null. */
function compact(object: Plain): Plain {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function sourceOf(entry: SourceEntry): Plain {
  const common = { selector: entry.selector, language: entry.language };
  switch (entry.type) {
    case 'glob':
      return compact({ file: entry.pattern, ...common, exclude: entry.exclude, column: entry.column });
    case 'url':
      return compact({ url: entry.url, ...common, exclude: entry.exclude });
    case 'sitemap':
      return compact({ sitemap: entry.sitemap, include: entry.include, exclude: entry.excludeUrls, limit: entry.limit, ...common });
    case 'feed':
      return compact({ [entry.platform]: entry.account, limit: entry.limit, since: entry.since, base_url: entry.baseUrl, token_env: entry.tokenEnv, ...common });
  }
}

function channelOf(channel: Channel): Plain {
  const limit = channel.maxLength ?? (channel.platform ? PLATFORM_MAX_LENGTH[channel.platform.toLowerCase()] : undefined);
  return compact({ kind: channel.kind, language: channel.language, platform: channel.platform, max_length: limit, sources: channel.sources.map(sourceOf) });
}

const messageOf = (m: Message): Plain =>
  compact({ id: m.id, text: m.text, aliases: m.aliases, channels: m.channels, severity: m.severity, min_similarity: m.minSimilarity, translations: m.translations });

const factOf = (f: Fact): Plain => compact({ id: f.id, type: f.type, value: f.value, near: f.near, required: f.required, severity: f.severity });

function termOf(t: Term): Plain {
  if (t.kind === 'use') return compact({ use: t.use, instead_of: t.insteadOf, channels: t.channels, severity: t.severity });
  if (t.kind === 'avoid') return compact({ avoid: t.avoid, channels: t.channels, severity: t.severity });
  return compact({ require: t.require, channels: t.channels, severity: t.severity });
}

const exceptionOf = (e: Exception): Plain => compact({ rule: e.rule, channel: e.channel, subject: e.subject, source: e.source, reason: e.reason, expires: e.expires });

/** The resolved spec as YAML, with a header naming the file it came from (as given). */
export function printConfig(spec: Spec, shownPath: string): string {
  const plain = {
    version: spec.version,
    campaign: spec.campaign,
    language: spec.language,
    channels: Object.fromEntries(spec.channels.map((c) => [c.name, channelOf(c)])),
    messages: spec.messages.map(messageOf),
    facts: spec.facts.map(factOf),
    terms: spec.terms.map(termOf),
    exceptions: spec.exceptions.map(exceptionOf),
    rules: { min_similarity: spec.rules.minSimilarity, fail_on: spec.rules.failOn, cross_channel: spec.rules.crossChannel },
  };
  return `# ${shownPath} as storefront resolved it, defaults included\n${stringify(plain, { aliasDuplicateObjects: false, lineWidth: 0 })}`;
}
