// How requests leave the process: undici's fetch through one dispatcher per fetcher that
// honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (as curl does, lower case first), and connects
// directly only to addresses the network policy accepts. undici is imported on the first
// request, so runs that fetch nothing do not pay for loading it.
//
// With a proxy, the proxy resolves the name: the policy can then only judge the host as written
// in the URL (IP literals and localhost), which fetch.ts does before every request anyway. The
// proxy's own address is the operator's choice and is never checked.
import { guardedLookup, type PrivateNetworkAllowance, type Resolver } from './net-policy.js';

export interface AgentOptions {
  allowPrivateNetwork?: PrivateNetworkAllowance;
  /** For tests and embedders: how host names are resolved before the policy judges them. */
  resolver?: Resolver;
  /** Where proxy settings are read from (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface HttpAgent {
  fetch: typeof fetch;
  close(): Promise<void>;
}

const setting = (env: NodeJS.ProcessEnv, name: string): string => env[name.toLowerCase()] ?? env[name.toUpperCase()] ?? '';

/** The proxies the environment names, for messages and tests. */
export function proxySettings(env: NodeJS.ProcessEnv = process.env) {
  return { httpProxy: setting(env, 'http_proxy'), httpsProxy: setting(env, 'https_proxy'), noProxy: setting(env, 'no_proxy') };
}

export async function createHttpAgent(options: AgentOptions = {}): Promise<HttpAgent> {
  const undici = await import('undici');
  const proxies = proxySettings(options.env ?? process.env);
  // `connect` reaches only direct connections: the proxy agents build their own connector for
  // the proxy, so a proxy on the corporate network is not refused as private.
  const dispatcher = new undici.EnvHttpProxyAgent({
    ...proxies,
    connect: { lookup: guardedLookup(options.allowPrivateNetwork, options.resolver) as never },
  });
  const viaDispatcher = ((input: string, init: RequestInit = {}) => undici.fetch(input, { ...(init as object), dispatcher })) as unknown as typeof fetch;
  return { fetch: viaDispatcher, close: () => dispatcher.close() };
}
