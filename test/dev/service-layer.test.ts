// One service layer: the services the API, the pages and the worker share live in core/services and
// never reach into api/; routes and pages call them typed end to end, without casts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dev', 'test', '.git', '.tools', '.data', 'test-output']);
const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dir === ROOT && SKIP.has(name) ? [] : name === 'node_modules' ? [] : tsFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

describe('the service layer', () => {
  it('is imported from api/ only by api/', () => {
    const offending = tsFiles(ROOT)
      .filter((file) => !relative(ROOT, file).startsWith('api/'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(SPECIFIER)]
          .map((m) => relative(ROOT, resolve(dirname(file), m[1]!)))
          .filter((target) => target.startsWith('api/'))
          .map((target) => `${relative(ROOT, file)} → ${target}`),
      );
    expect(offending).toEqual([]);
  });

  it('is called by the repair routes and the ticket pages without casts of bodies or through never/unknown', () => {
    const files = [...tsFiles(join(ROOT, 'api/routes/v1/repairs')), ...tsFiles(join(ROOT, 'api/routes/v1/tickets')), join(ROOT, 'api/pages/tickets.page.ts')];
    const casts = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /\bas (never|unknown as)\b|request\.body as /.test(line))
        .map(({ at }) => at),
    );
    expect(casts).toEqual([]);
  });

  it('lives in one home: no services under api/ or core/support', () => {
    const strays = tsFiles(ROOT).map((f) => relative(ROOT, f)).filter((f) => f.startsWith('api/services/') || f.startsWith('core/support/') || f === 'core/temporal/accept-report.ts');
    expect(strays).toEqual([]);
  });
});
