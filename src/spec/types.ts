// The "single storefront" spec, after loading and validation, with defaults applied.
import type { ChannelKind } from '../documents/types.js';
import type { ValueType } from '../normalize/values/types.js';

export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';

/** Where a spec item was written, so findings about the spec itself can point at it. */
export interface SpecPosition {
  line: number;
  column: number;
}

export type SourceEntry =
  | { type: 'url'; url: string; selector?: string; at?: SpecPosition }
  | { type: 'glob'; pattern: string; selector?: string; column?: string; at?: SpecPosition };

export interface Channel {
  name: string;
  kind: ChannelKind;
  language: string;
  platform?: string;
  /** Post length limit: explicit max_length, else the platform's default; social only. */
  maxLength?: number;
  sources: SourceEntry[];
}

export interface Message {
  id: string;
  text: string;
  aliases: string[];
  /** Channel names this message is required in (resolved from "all"). */
  channels: string[];
  severity?: Severity;
  minSimilarity: number;
  /** language tag -> wording */
  translations: Record<string, string>;
}

export interface Fact {
  id: string;
  type: ValueType | 'text';
  /** As written in the spec, e.g. "49.99 USD", 30, "2026-04-30". */
  value: string;
  near: string[];
  /** Channels that must state it. */
  required: string[];
  severity?: Severity;
}

export type Term =
  | { kind: 'use'; use: string; insteadOf: string[]; channels: string[]; severity?: Severity }
  | { kind: 'avoid'; avoid: string[]; channels: string[]; severity?: Severity }
  | { kind: 'require'; require: string; channels: string[]; severity?: Severity };

export interface Rules {
  minSimilarity: number;
  failOn: FailOn;
  crossChannel: boolean;
}

export interface Spec {
  version: 1;
  campaign: string;
  language: string;
  /** Absolute path of the spec file; its folder anchors relative source paths. */
  file: string;
  /** Channels in spec order. */
  channels: Channel[];
  messages: Message[];
  facts: Fact[];
  terms: Term[];
  rules: Rules;
}
