// Production code (everything outside dev/ and test/) never imports development code: the launcher,
// sandbox, sinks, benchmark and embedded PostgreSQL exist only for `npm run dev` and the tests.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionFiles, ROOT } from '../helpers/production-files.js';

const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

describe('production code', () => {
  it('imports nothing from dev/ or test/', () => {
    const files = productionFiles();
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
