// A ticket is printed 42 characters wide (80 mm paper). Long lines wrap at spaces; a numbered step
// or a bullet keeps its text aligned under itself, and a word too long for a line (a link) is cut.
// Total on any text: the hanging indent is under half the width, so every wrapped line carries at
// least half a line of the text forward (a marker after 40 spaces used to loop for ever), and no
// step is quadratic in a line's length (a line of 100,000 blanks wraps in linear time).
export const TICKET_WIDTH = 42;

const MARKER = /^( *(?:\d{1,9}\.|-|\*) +)/;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function wrapLine(line: string, width: number): string[] {
  const indent = ' '.repeat(Math.min(MARKER.exec(line)?.[1]?.length ?? 0, Math.floor((width - 2) / 2)));
  const out: string[] = [];
  let current = '';
  /** Whether `current` holds more than blanks (kept as a flag: trimming it for every word is quadratic). */
  let visible = false;
  for (const word of line.trimEnd().split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= width || !visible) {
      current = candidate;
    } else {
      out.push(current);
      current = indent + word;
    }
    visible ||= word.trim() !== '';
    while (current.length > width) {
      // Never between the two halves of a surrogate pair (an emoji): the cut moves one back.
      const cut = isHighSurrogate(current.charCodeAt(width - 1)) ? width - 1 : width;
      out.push(current.slice(0, cut));
      current = indent + current.slice(cut);
    }
  }
  out.push(current);
  return out;
}

export function wrapTicketLines(text: string, width = TICKET_WIDTH): string {
  const columns = Math.max(2, Math.floor(width));
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, columns))
    .join('\n');
}
