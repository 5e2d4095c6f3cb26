// docs/runbook.md as its test reads it: the code blocks of each section with their `checked` mark,
// the Temporal CLI invocations anywhere in it, and the SQL of its psql heredocs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../dev/temporal-binaries.js';

export const RUNBOOK_FILE = join(PROJECT_ROOT, 'docs', 'runbook.md');

export interface RunbookBlock {
  section: string;
  /** `read-only`, `changes $PROVIDER`, `changes $ORG_ID`; null when the test does not run it. */
  checked: string | null;
  lang: string;
  code: string;
}

export function runbookBlocks(markdown = readFileSync(RUNBOOK_FILE, 'utf8')): RunbookBlock[] {
  const blocks: RunbookBlock[] = [];
  let section = '';
  let checked: string | null = null;
  let open: { lang: string; lines: string[]; indent: number } | null = null;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.trim() === '```') {
        blocks.push({ section, checked, lang: open.lang, code: open.lines.join('\n') });
        open = null;
        checked = null;
      } else open.lines.push(line.slice(open.indent));
      continue;
    }
    const heading = /^## (.+)$/.exec(line)?.[1];
    if (heading) section = heading.trim();
    const mark = /^<!-- checked: (.+) -->$/.exec(line.trim())?.[1];
    if (mark) checked = mark;
    const fence = /^(\s*)```(\w+)/.exec(line);
    if (fence) open = { lang: fence[2]!, lines: [], indent: fence[1]!.length };
  }
  return blocks;
}

/** The sections' anchors as GitHub makes them: "## A provider outage" → a-provider-outage. */
export function runbookAnchors(markdown = readFileSync(RUNBOOK_FILE, 'utf8')): string[] {
  return [...markdown.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-'));
}

/** Inline code spans of the prose that run the Temporal CLI. */
export function inlineTemporalCommands(markdown = readFileSync(RUNBOOK_FILE, 'utf8')): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.replace(/\n/g, ' ').matchAll(/`(temporal [^`]+)`/g)].map((m) => m[1]!);
}

export interface TemporalInvocation {
  /** Subcommand words: ['workflow', 'list']. */
  command: string[];
  flags: string[];
  text: string;
}

/** Every `temporal …` call in shell text: continuation lines joined, each call ending at a pipe, `;`, `)` or the line's end. */
export function temporalInvocations(shell: string): TemporalInvocation[] {
  const joined = shell.replace(/\\\n\s*/g, ' ');
  const calls: TemporalInvocation[] = [];
  for (const line of joined.split('\n')) {
    for (const match of line.matchAll(/(?:^|[\s|;(])temporal((?:\s+[a-z][a-z-]*)+)([^|;)]*)/g)) {
      const rest = match[2]!.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""');
      calls.push({ command: match[1]!.trim().split(/\s+/), flags: [...rest.matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((f) => f[1]!), text: match[0].trim() });
    }
  }
  return calls;
}

/** The SQL of `psql … <<'SQL' … SQL` heredocs, with their `-v name=value` variables. */
export function psqlHeredocs(shell: string): { sql: string; variables: Record<string, string> }[] {
  return [...shell.matchAll(/psql ([^\n]*)<<'SQL'\n([\s\S]*?)\nSQL/g)].map((m) => ({
    sql: m[2]!,
    variables: Object.fromEntries([...m[1]!.matchAll(/-v (\w+)=(\S+)/g)].map((v) => [v[1]!, v[2]!.replace(/^"|"$/g, '')])),
  }));
}

/** Subcommands that change something: a read-only block may call none of them. */
export const CHANGING_SUBCOMMANDS = new Set(['signal', 'pause', 'unpause', 'reset', 'toggle', 'terminate', 'cancel', 'delete', 'start', 'execute', 'update', 'update-options', 'trigger', 'backfill', 'create', 'complete', 'fail']);
