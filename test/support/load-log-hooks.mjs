// Module hooks that append every module Node loads (ESM, and CommonJS reached from ESM) to
// the file named by STOREFRONT_LOAD_LOG: how the start-up tests see what a command loaded.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.STOREFRONT_LOAD_LOG) appendFileSync(process.env.STOREFRONT_LOAD_LOG, `${url}\n`);
  return nextLoad(url, context);
}
