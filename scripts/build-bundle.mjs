// Bundles the command line (bin/storefront.js) from the compiled dist/: a check of one post
// loaded ~280 ES modules, and resolving, reading and linking them one by one cost about a
// sixth of a second of CPU at every start. esbuild (a devDependency: it only runs here)
// bundles them, dependencies included, into a few files, and code splitting keeps every
// `await import()` of the sources (a command, a reader, a report, the HTTP stack) a chunk of
// its own that loads only when a run gets there. The library API (dist/index.js) stays
// unbundled, as tsc wrote it.
//
// A module bundled into a chunk keeps its own import.meta.url: the URL of the dist/ file it
// was built from, so every file it finds beside itself or above itself (schema/, data/,
// package.json, the generated schema validator) is where it was.
// compromise, eld and undici stay outside, loaded by Node from node_modules as before: they
// are large and load late (compromise for a word the lemma table lacks, eld for a language of
// `auto`, undici for the first URL fetched); and bundled with the rest, undici's
// `EnvHttpProxyAgent` was no constructor (test/cli/network.test.ts caught it).
//
// dist/bundle/metafile.json says which modules each chunk holds (test/cli/start-up.test.ts
// reads it to tell which modules a command loaded).
import * as esbuild from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist/bundle');

/** Every `import.meta.url` of a bundled module, rewritten to the URL of its own dist/ file. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = path.relative(outdir, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  // The worker thread's module too, sharing the CLI's chunks: src/campaign/pool.ts starts it
  // through STOREFRONT_BUNDLED_WORKER when it runs bundled.
  entryPoints: { cli: 'dist/cli.js', worker: 'dist/campaign/worker.js' },
  define: { STOREFRONT_BUNDLED_WORKER: JSON.stringify(path.relative(root, path.join(outdir, 'worker.js')).split(path.sep).join('/')) },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Comments and layout only: names stay, so a stack trace still says which function.
  minifyWhitespace: true,
  external: ['compromise', 'eld', 'eld/*', 'undici'],
  // CommonJS dependencies (yaml, commander) require Node's own modules: give them a require.
  banner: { js: "import { createRequire as storefrontCreateRequire } from 'node:module';\nconst require = storefrontCreateRequire(import.meta.url);" },
  plugins: [ownImportMetaUrl],
  metafile: true,
  logLevel: 'warning',
});
await writeFile(path.join(outdir, 'metafile.json'), JSON.stringify(result.metafile));
