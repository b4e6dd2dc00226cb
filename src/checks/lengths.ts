// length-exceeded: each social post against its channel's limit, counted as the platform counts.
import { quote } from './excerpt.js';
import { postLength } from './post-length.js';
import { DEFAULT_SEVERITY, type DocumentCheck } from './types.js';

export const lengthsCheck: DocumentCheck = {
  rules: ['length-exceeded'],
  checkDocument({ spec, doc, report }) {
    const channel = spec.channels.find((c) => c.name === doc.doc.channel);
    if (channel?.kind !== 'social' || channel.maxLength === undefined) return;
    for (const np of doc.parts) {
      if (np.part.role !== 'post') continue;
      const length = postLength(np.part.text, channel.platform);
      if (length <= channel.maxLength) continue;
      report({
        rule: 'length-exceeded',
        severity: DEFAULT_SEVERITY['length-exceeded'],
        channel: channel.name,
        source: doc.doc.source,
        subject: np.part.unit ?? `#${np.index + 1}`,
        expected: `≤ ${channel.maxLength}`,
        found: String(length),
        ...quote(np, 0, 0),
        message: `Post is ${length} characters long; ${channel.platform ?? 'the channel'} allows ${channel.maxLength}`,
      });
    }
  },
};
