// Limits of a run that the library sets before any reader is loaded (kept apart from the
// readers, so naming a default does not load a parser).

/** Pages all the sitemaps of one run may list together: the sitemap protocol's per-file maximum. */
export const DEFAULT_MAX_PAGES = 50_000;
