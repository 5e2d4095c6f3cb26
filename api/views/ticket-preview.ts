// The printed ticket as a web page: the same template and 42-column text the POS printer receives.
import { renderAlert } from '../../templates/render-alert.js';
import type { repairDetail } from './repair-view.js';

type Detail = Awaited<ReturnType<typeof repairDetail>>;

export function ticketPreview(detail: Detail, locale: string, orgName: string): string {
  const message = renderAlert('action_needed', 'ticket', locale, {
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
  // The template's own preview of the printed paper: the same 42-column text the printer gets.
  return message.html ?? message.text;
}
