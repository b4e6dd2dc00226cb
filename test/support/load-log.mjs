// node --import ./test/support/load-log.mjs …: registers load-log-hooks.mjs, and at exit
// appends the modules loaded with require() (createRequire: compromise, the schema
// validator), which do not pass the module hooks.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./load-log-hooks.mjs', import.meta.url);

const require = createRequire(import.meta.url);
process.on('exit', () => {
  const log = process.env.STOREFRONT_LOAD_LOG;
  if (log) appendFileSync(log, Object.keys(require.cache).map((file) => `${pathToFileURL(file).href}\n`).join(''));
});
