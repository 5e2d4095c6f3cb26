// Workflow code imports providers/: it must stay pure (no Node built-ins, no packages, no I/O).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../core/providers/index.js';

const root = fileURLToPath(new URL('../../core/providers/', import.meta.url));
const sources = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));

describe('providers/', () => {
  it.each(sources.map((f) => [relative(root, f), f]))('%s imports only its own files', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    for (const specifier of specifiers) expect(specifier, specifier).toMatch(/^\.\.?\/.*\.js$/);
    expect(source).not.toMatch(/\bprocess\.|\brequire\(|\bfetch\(|Date\.now\(|Math\.random\(/);
  });
});

describe('pickLocale', () => {
  it('takes the first supported language, with or without a region', () => {
    expect(pickLocale([null, 'de-DE', 'pt-BR', 'fr'])).toBe('pt');
    expect(pickLocale(['ES_es'])).toBe('es');
    expect(pickLocale([undefined, '', 'xx'])).toBe('en');
  });
});
