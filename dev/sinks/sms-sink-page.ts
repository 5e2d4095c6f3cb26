// The SMS sink's page: text messages and WhatsApp messages in two tables of their own (they cost,
// look and fail differently), newest first, with each message's status callbacks.
import type { RecordedSms } from './sms-sink.js';
import { escapeHtml, sinkPage } from './sink-page.js';

function callbacksOf(m: RecordedSms): string {
  return m.callbacks.map((c) => `${escapeHtml(c.status)} → ${escapeHtml(String(c.answer))}`).join('<br>') || (m.statusCallback ? 'pending' : 'none requested');
}

function row(m: RecordedSms): string {
  const size = m.channel === 'whatsapp' ? `template ${escapeHtml(m.template ?? 'none (free text)')}` : `${m.body.length} characters · ${m.segments} ${m.encoding} segment(s)`;
  return `<tr><td>${escapeHtml(m.createdAt)}</td><td>${escapeHtml(m.to)}<br><small>from ${escapeHtml(m.from)}</small></td><td><pre>${escapeHtml(m.body)}</pre><small>${size}</small></td><td class="status-${escapeHtml(m.status)}">${escapeHtml(m.status)}</td><td><small>${callbacksOf(m)}</small></td></tr>`;
}

function section(id: string, title: string, messages: RecordedSms[]): string {
  const table =
    messages.length === 0
      ? `<p>No ${escapeHtml(title)} yet.</p>`
      : `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Status callbacks</th></tr></thead><tbody>${messages.map(row).join('')}</tbody></table>`;
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)} (${messages.length})</h2>${table}</section>`;
}

export function smsSinkPage(messages: RecordedSms[], failingSuffix: string): string {
  const body = section('sms', 'SMS', messages.filter((m) => m.channel === 'sms')) + section('whatsapp', 'WhatsApp messages', messages.filter((m) => m.channel === 'whatsapp'));
  return sinkPage('SMS sink', `Twilio-compatible API for local development (SMS and WhatsApp). JSON at /api/messages. Numbers ending in ${failingSuffix} fail.`, body);
}
