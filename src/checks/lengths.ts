// length-exceeded: each social post against its channel's limit, counted as the platform counts.
import { quote } from './excerpt.js';
import { postLength } from './post-length.js';
import { DEFAULT_SEVERITY, type Check } from './types.js';

export const lengthsCheck: Check = {
  rules: ['length-exceeded'],
  run(context) {
    for (const channel of context.spec.channels) {
      if (channel.kind !== 'social' || channel.maxLength === undefined) continue;
      for (const doc of context.docs) {
        if (doc.doc.channel !== channel.name) continue;
        doc.parts.forEach((np) => {
          if (np.part.role !== 'post') return;
          const length = postLength(np.part.text, channel.platform);
          if (length <= channel.maxLength!) return;
          context.report({
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
        });
      }
    }
  },
};
