// The small HTML page every local sink shows: what the product sent, newest first, refreshing
// itself every few seconds. Development only; nothing here is user input but our own messages.
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2933;background:#f8fafc}
h1{margin:0 0 .25rem}p.hint{margin:0 0 1.5rem;color:#52606d}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #d5dae1;padding:.5rem;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:0;font:14px/1.4 ui-monospace,Menlo,Consolas,monospace}
.paper{display:inline-block;background:#fff;padding:1rem 1.25rem;margin:0 1rem 1rem 0;box-shadow:0 1px 4px rgba(0,0,0,.2);vertical-align:top}
.status-failed{color:#b42318;font-weight:bold}.status-delivered{color:#027a48}`;

export function sinkPage(title: string, hint: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p class="hint">${escapeHtml(hint)}</p>${body}</main></body></html>`;
}
