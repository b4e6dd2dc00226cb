// What `storefront init` writes when given no copy to draft from: every section, explained.
/** `schema`: where the spec's $schema points (see ./schema-ref.ts). */
export const skeleton = (schema: string) => `# yaml-language-server: $schema=${schema}
# A storefront spec: what the campaign says, so every channel can be held against it.
# Run \`storefront init PAGE EMAIL POSTS...\` instead to draft one from existing copy.
version: 1
campaign: My campaign
language: en

channels:
  site:
    kind: web                 # web | email | social
    sources:
      - site/**/*.html        # file globs, folders, https:// URLs, { sitemap: ... }
  newsletter:
    kind: email
    sources: [email/*.eml]
  x:
    kind: social
    platform: x               # sets the post length limit (x: 280)
    sources: [social/x.json]  # or { x: username, token_env: X_BEARER_TOKEN }

messages:                     # key messages: each must be said, in substance, in every channel
  - id: headline
    text: "Spring Sale: 30% off all running shoes"

facts:                        # values that must never contradict each other
  - id: discount
    type: percent             # money | percent | date | code | url | number | text
    value: 30
    near: ["off", "discount"] # words that make a mention belong to this fact

terms:
  - avoid: ["guaranteed"]

rules:
  min_similarity: 0.75
  fail_on: error
  cross_channel: true
`;
