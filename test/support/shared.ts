import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const hasShared = existsSync(path.join(SHARED_DIR, 'corpus', 'SOURCES.md'));
export const sharedPath = (...rel: string[]) => path.join(SHARED_DIR, ...rel);
export const describeShared: ReturnType<typeof describe.skipIf> = describe.skipIf(!hasShared);
export const itShared: ReturnType<typeof it.skipIf> = it.skipIf(!hasShared);
