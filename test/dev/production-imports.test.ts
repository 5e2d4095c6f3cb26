// Production code (everything outside dev/ and test/) never imports development code: the launcher,
// sandbox, sinks, benchmark and embedded PostgreSQL exist only for `npm run dev` and the tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dev', 'test', '.git', '.tools', '.data', 'test-output']);

function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dir === ROOT && SKIP.has(name) ? [] : name === 'node_modules' ? [] : productionFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

describe('production code', () => {
  it('imports nothing from dev/ or test/', () => {
    const files = productionFiles(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(SPECIFIER)]
        .map((m) => relative(ROOT, resolve(dirname(file), m[1]!)))
        .filter((target) => target.startsWith('dev/') || target.startsWith('test/'))
        .map((target) => `${relative(ROOT, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
