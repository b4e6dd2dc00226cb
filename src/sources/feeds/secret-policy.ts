// Which secrets a spec may use, and where they may go. A spec can come from a stranger's pull
// request, so it must not pick a CI secret by name (token_env: GITHUB_TOKEN) nor send it to a
// server of its choosing (base_url: http://attacker/…). A token is read only from a variable the
// person running the command named for storefront (a STOREFRONT_ prefix, or an allow-list), and
// sent only over https to the platform's own API hosts, or to hosts that person allows.
import { SourceError } from '../types.js';

export interface TokenPolicy {
  /** Variables a spec may name as token_env besides STOREFRONT_*: --allow-token-env, STOREFRONT_ALLOW_TOKEN_ENV. */
  allowTokenEnv?: readonly string[];
  /**
   * Where else a token may be sent: a host name (or host:port), over https only, or an origin
   * written with its scheme (http://127.0.0.1:8080), exactly that. --allow-token-host, STOREFRONT_ALLOW_TOKEN_HOSTS.
   */
  allowTokenHosts?: readonly string[];
}

export const TOKEN_ENV_PREFIX = 'STOREFRONT_';

/** The token in the variable the spec names, if the policy lets the spec name it. */
export function readToken(platform: string, variable: string, env: NodeJS.ProcessEnv, policy: TokenPolicy = {}): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new SourceError(`${platform}: token_env is not an environment variable name`);
  if (!variable.startsWith(TOKEN_ENV_PREFIX) && !(policy.allowTokenEnv ?? []).includes(variable)) {
    throw new SourceError(
      `${platform}: token_env ${variable} is not allowed: a spec may name only ${TOKEN_ENV_PREFIX}* variables, or ones allowed with --allow-token-env or STOREFRONT_ALLOW_TOKEN_ENV`,
    );
  }
  const token = env[variable]?.trim();
  if (!token) throw new SourceError(`${platform}: environment variable ${variable} is not set`);
  return token;
}

/** Refuses, before anything is sent, a token bound for anywhere but the platform's API over https or an allowed host. */
export function checkTokenDestination(platform: string, variable: string, url: string, platformHosts: readonly string[], policy: TokenPolicy = {}): void {
  const target = new URL(url);
  const host = target.hostname.toLowerCase();
  const https = target.protocol === 'https:';
  const allowed = (policy.allowTokenHosts ?? []).some((entry) => {
    const written = entry.trim().toLowerCase().replace(/\/+$/, '');
    if (written.includes('://')) {
      try {
        return new URL(written).origin === target.origin;
      } catch {
        return false;
      }
    }
    return https && (written === host || written === target.host.toLowerCase());
  });
  if (allowed || (https && platformHosts.includes(host))) return;
  throw new SourceError(
    `${platform}: the token in ${variable} is sent only over https to ${platformHosts.join(' or ')}, or to hosts allowed with --allow-token-host or STOREFRONT_ALLOW_TOKEN_HOSTS; not to ${target.origin}`,
  );
}
