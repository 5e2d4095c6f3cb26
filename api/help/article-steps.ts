// The numbered steps of an article body: what the assistant lists under its answer.
export const stepsOf = (markdown: string): string[] =>
  markdown
    .split('\n')
    .map((line) => /^\s*\d+\.\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((step): step is string => Boolean(step));
