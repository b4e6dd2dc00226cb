import type { ChannelKind, Part } from '../documents/types.js';

/** What a reader gets: the bytes of one source and what the spec says about it. */
export interface SourceInput {
  /** Source id: path relative to the spec's folder, or the URL. */
  id: string;
  /** File name or URL path, used to pick the reader by extension. */
  name: string;
  bytes: Uint8Array;
  kind: ChannelKind;
  /** Content-Type when fetched. */
  contentType?: string;
  /** CSS selector scoping web body copy (page metadata is still read). */
  selector?: string;
  /** CSV column holding the post text. */
  column?: string;
}

/** A reader turns bytes into parts, or throws a SourceError with a one-line reason. */
export type Reader = (input: SourceInput) => Promise<Part[]> | Part[];

/** A source that cannot be read: becomes a `source-error` finding, never stops the run. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
