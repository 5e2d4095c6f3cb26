// The printed ticket as a web page: the same template and 42-column text the POS printer receives.
import { renderMessage } from '../../../templates/render-message.js';
import { escapeHtml } from '../../../sinks/sink-page.js';
import type { repairDetail } from './repair-view.js';

type Detail = Awaited<ReturnType<typeof repairDetail>>;

export function ticketPreview(detail: Detail, locale: string, orgName: string): string {
  const message = renderMessage('action_needed', 'ticket', locale, {
    orgName,
    generatedAt: new Date().toISOString(),
    timezone: 'UTC',
    repairs: [
      {
        repairId: detail.id,
        provider: detail.providerName,
        errorTypeLabel: detail.help.errorTypeLabel ?? detail.errorType ?? '',
        resolution: (detail.resolution ?? 'support') as 'reconnect',
        actionLabel: '',
        link: `/repairs/${detail.id}`,
        stores: detail.stores.map((s) => ({ location: s.location.name, brand: s.brand.name, provider: detail.providerName })),
        ...(detail.help.steps.length ? { steps: detail.help.steps } : {}),
      },
    ],
  });
  return `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><title>${escapeHtml(message.subject ?? 'Ticket')}</title>
<style>body{background:#eee;font-family:system-ui,sans-serif}.paper{background:#fff;width:42ch;margin:2rem auto;padding:1rem 1.5rem;box-shadow:0 1px 4px #0003}pre{font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;margin:0}</style></head>
<body><div class="paper" role="document" aria-label="Printed ticket"><pre>${escapeHtml(message.text)}</pre></div></body></html>`;
}
