// A ticket is printed 42 characters wide (80 mm paper). Long lines wrap at spaces; a numbered step
// or a bullet keeps its text aligned under itself, and a word too long for a line (a link) is cut.
export const TICKET_WIDTH = 42;

const MARKER = /^(\s*(?:\d+\.|-|\*)\s+)/;

function wrapLine(line: string, width: number): string[] {
  const indent = ' '.repeat(MARKER.exec(line)?.[1]?.length ?? 0);
  const out: string[] = [];
  let current = '';
  for (const word of line.trimEnd().split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= width || current.trim() === '') {
      current = candidate;
    } else {
      out.push(current);
      current = indent + word;
    }
    while (current.length > width) {
      out.push(current.slice(0, width));
      current = indent + current.slice(width);
    }
  }
  out.push(current);
  return out;
}

export function wrapTicketLines(text: string, width = TICKET_WIDTH): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
