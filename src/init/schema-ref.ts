// Where a drafted spec's `$schema` points, so editors find the schema: the schema of the
// storefront that wrote it, as a path from the spec's folder, when that path stays valid for
// everyone who clones the project — the package installed in the project's node_modules, or
// this repository itself. Otherwise (npx from its cache, a global install, a spec elsewhere)
// a relative path would name one machine's folders, so the published package's schema URL.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { VERSION } from '../version.js';

/** The schema file of the running package (src/ and dist/ are one level below its root). */
export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/storefront.schema.json', import.meta.url));

export const publishedSchemaUrl = (version: string = VERSION) => `https://unpkg.com/storefront-cli@${version}/schema/storefront.schema.json`;

export function schemaReference(specDir: string, schemaFile: string = SCHEMA_FILE): string {
  const root = path.dirname(path.dirname(schemaFile));
  const relative = path.relative(path.resolve(specDir), schemaFile).split(path.sep).join('/');
  const fromProject = /^(\.\.\/)*node_modules\/storefront-cli\/schema\/storefront\.schema\.json$/.test(relative);
  const insidePackage = !path.relative(root, path.resolve(specDir)).startsWith('..') && !path.isAbsolute(path.relative(root, path.resolve(specDir)));
  if (fromProject || insidePackage) return relative.startsWith('.') ? relative : `./${relative}`;
  return publishedSchemaUrl();
}
