// A small front-matter reader: our articles only need `key: value` and `key: [a, b]` lines,
// which keeps a YAML dependency out of the project.
export interface FrontMatterDocument {
  fields: Record<string, string | string[]>;
  body: string;
}

const FENCE = '---';

export function parseFrontMatter(source: string): FrontMatterDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!text.startsWith(`${FENCE}\n`)) return { fields: {}, body: text.trim() };
  const end = text.indexOf(`\n${FENCE}`, FENCE.length);
  if (end < 0) throw new Error('Front matter is not closed by ---');
  const fields: Record<string, string | string[]> = {};
  for (const line of text.slice(FENCE.length + 1, end).split('\n')) {
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, key = '', raw = ''] = match;
    fields[key] = raw.startsWith('[') && raw.endsWith(']') ? splitList(raw.slice(1, -1)) : unquote(raw);
  }
  return { fields, body: text.slice(end + FENCE.length + 1).trim() };
}

const unquote = (value: string): string => value.trim().replace(/^(["'])(.*)\1$/, '$2');

const splitList = (inner: string): string[] =>
  inner
    .split(',')
    .map(unquote)
    .filter((item) => item.length > 0);
