// The end of `storefront --help`: examples, exit codes and environment variables, as
// linters print them, so the answer is in the terminal. docs/cli.md says the same at length.
export const HELP_AFTER = `
Examples:
  storefront check                        the nearest storefront.yaml, pretty report
  storefront check campaign/storefront.yaml --format json --output report.json
  storefront check --format github --format sarif --output storefront.sarif
  storefront check --quiet --max-warnings 0     errors only; any warning fails too
  storefront check --print-config         the spec as resolved, defaults included
  pbpaste | storefront check --stdin x    a draft post checked as channel x
  storefront extract email/launch.eml     one source as storefront reads it
  cat page.html | storefront extract - --kind web
  storefront init site/spring.html email/launch.eml social/x-posts.json

Exit codes:
  0  no finding at or above the fail-on severity (and no more warnings than --max-warnings)
  1  findings at or above it (a source-error counts as an error), or too many warnings
  2  the command could not run: bad arguments, no spec found, unreadable or invalid spec

Environment variables:
  NO_COLOR            no colour (--color overrides)
  FORCE_COLOR         colour even when stdout is no terminal; 0 or false: none
  STOREFRONT_QUIET    no progress lines on stderr
  GITHUB_STEP_SUMMARY with --format github, the markdown summary is appended to this file
  X_BEARER_TOKEN      (or the variable a source's token_env names) the X API token

Documentation: https://github.com/storefront-cli/storefront-cli/tree/main/docs
`;
