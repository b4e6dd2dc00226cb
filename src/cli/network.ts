// The flags and environment variables that relax the network and secret defaults. They belong
// to the person running the command (a CI owner's workflow file), never to the spec, which a
// pull request may change: each is read here and passed to the library as an option.
import { InvalidArgumentError, type Command } from 'commander';
import type { CheckOptions } from '../check.js';

export interface NetworkFlags {
  allowPrivateNetwork?: boolean;
  allowPrivateHost?: string[];
  allowTokenHost?: string[];
  allowTokenEnv?: string[];
  timeout?: number;
  maxPages?: number;
}

/** A repeatable flag's values (no default, so help does not print an empty list). */
const more = (value: string, all: string[] = []) => [...all, value];
/** A comma- or space-separated list from an environment variable. */
const listOf = (value: string | undefined): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean);
const enabled = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value?.trim() ?? '');

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds above 0');
  return n;
}

function positiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** --allow-private-network and --allow-private-host: every command that fetches has them. */
export function addPrivateNetworkOptions(command: Command): Command {
  return command
    .option('--allow-private-network', 'fetch from loopback, private and link-local addresses too (refused by default; env STOREFRONT_ALLOW_PRIVATE_NETWORK=1)')
    .option('--allow-private-host <host>', 'fetch from this host even when it is on a private network (repeatable; env STOREFRONT_ALLOW_PRIVATE_HOSTS)', more);
}

/** The network and secret flags of `check`. */
export function addNetworkOptions(command: Command): Command {
  return addPrivateNetworkOptions(command)
    .option('--allow-token-host <host>', 'an API token may also be sent to this host over https, or to this exact origin (http://host:port) (repeatable; env STOREFRONT_ALLOW_TOKEN_HOSTS)', more)
    .option('--allow-token-env <name>', 'a spec may name this variable as token_env besides STOREFRONT_* ones (repeatable; env STOREFRONT_ALLOW_TOKEN_ENV)', more)
    .option('--timeout <seconds>', 'deadline of the whole run: what is not read by then is a source-error', positiveSeconds)
    .option('--max-pages <n>', 'most pages all sitemaps of the run may list together (default 50000)', positiveCount);
}

/** What the private-network flags and variables allow: true (all), a list of hosts, or nothing. */
export function privateNetworkAllowance(flags: NetworkFlags, env: NodeJS.ProcessEnv): boolean | string[] | undefined {
  if (flags.allowPrivateNetwork || enabled(env.STOREFRONT_ALLOW_PRIVATE_NETWORK)) return true;
  const hosts = [...(flags.allowPrivateHost ?? []), ...listOf(env.STOREFRONT_ALLOW_PRIVATE_HOSTS)];
  return hosts.length ? hosts : undefined;
}

/** The library options the flags and the environment give. */
export function networkOptions(flags: NetworkFlags, env: NodeJS.ProcessEnv): Partial<CheckOptions> {
  return {
    allowPrivateNetwork: privateNetworkAllowance(flags, env),
    allowTokenHosts: [...(flags.allowTokenHost ?? []), ...listOf(env.STOREFRONT_ALLOW_TOKEN_HOSTS)],
    allowTokenEnv: [...(flags.allowTokenEnv ?? []), ...listOf(env.STOREFRONT_ALLOW_TOKEN_ENV)],
    timeout: flags.timeout,
    maxPages: flags.maxPages,
    cacheKey: env.STOREFRONT_CACHE_KEY || undefined,
  };
}
