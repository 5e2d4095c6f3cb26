// The house keeps production code readable in one sitting: no file over 250 lines, no function
// over 80 (a function that needs a scroll is two functions). Measured with the TypeScript parser.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { productionFiles, ROOT } from '../helpers/production-files.js';

const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 80;

function longFunctions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = lineOf(node.end) - lineOf(node.getStart(source)) + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${relative(ROOT, file)}:${lineOf(node.getStart(source))} ${node.name?.getText(source) ?? '(anonymous)'} has ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('production code shape', () => {
  const files = productionFiles().map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(100);
    const long = files.filter(({ text }) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0) > MAX_FILE_LINES).map(({ file }) => relative(ROOT, file));
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap(({ file, text }) => longFunctions(file, text))).toEqual([]);
  });
});
