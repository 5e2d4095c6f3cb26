// The product's own source files: every .ts file outside dev/ and test/ (and installed or generated folders).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dev', 'test', '.git', '.tools', '.data', 'test-output']);

export function productionFiles(dir = ROOT): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dir === ROOT && SKIP.has(name) ? [] : name === 'node_modules' ? [] : productionFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}
