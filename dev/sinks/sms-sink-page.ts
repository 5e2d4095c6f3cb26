// The SMS sink's page: text messages and WhatsApp messages in two tables of their own (they cost,
// look and fail differently), newest first, with each message's status callbacks and a form to
// reply as the phone; the emergency calls above them.
import type { RecordedSms } from './sms-sink.js';
import { escapeHtml, sinkPage } from './sink-page.js';
import { callsSection, type RecordedCall } from './sms-calls.js';
import type { SmsReply } from './sms-replies.js';

interface SmsSinkPageData {
  messages: RecordedSms[];
  replies: SmsReply[];
  calls: RecordedCall[];
  failingSuffix: string;
}

function callbacksOf(m: RecordedSms): string {
  return m.callbacks.map((c) => `${escapeHtml(c.status)} → ${escapeHtml(String(c.answer))}`).join('<br>') || (m.statusCallback ? 'pending' : 'none requested');
}

function replyCell(m: RecordedSms, replies: SmsReply[]): string {
  const sent = replies.filter((r) => r.inReplyTo === m.sid).map((r) => `<p>↩ ${escapeHtml(r.body)} → ${escapeHtml(String(r.answer))}${r.answerText ? `<br><small>${escapeHtml(r.answerText)}</small>` : ''}</p>`).join('');
  return `${sent}<form method="post" action="/messages/${escapeHtml(m.sid)}/reply"><input name="Body" size="6" aria-label="Reply to ${escapeHtml(m.sid)}" value="1"><button>Reply</button></form>`;
}

function row(m: RecordedSms, replies: SmsReply[]): string {
  const size = m.channel === 'whatsapp' ? `template ${escapeHtml(m.template ?? 'none (free text)')}` : `${m.body.length} characters · ${m.segments} ${m.encoding} segment(s)`;
  return `<tr><td>${escapeHtml(m.createdAt)}</td><td>${escapeHtml(m.to)}<br><small>from ${escapeHtml(m.from)}</small></td><td><pre>${escapeHtml(m.body)}</pre><small>${size}</small></td><td class="status-${escapeHtml(m.status)}">${escapeHtml(m.status)}</td><td><small>${callbacksOf(m)}</small></td><td>${replyCell(m, replies)}</td></tr>`;
}

function section(id: string, title: string, messages: RecordedSms[], replies: SmsReply[]): string {
  const table =
    messages.length === 0
      ? `<p>No ${escapeHtml(title)} yet.</p>`
      : `<table><thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Message</th><th scope="col">Status</th><th scope="col">Status callbacks</th><th scope="col">Reply as the phone</th></tr></thead><tbody>${messages.map((m) => row(m, replies)).join('')}</tbody></table>`;
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)} (${messages.length})</h2>${table}</section>`;
}

export function smsSinkPage({ messages, replies, calls, failingSuffix }: SmsSinkPageData): string {
  const body =
    callsSection(calls) +
    section('sms', 'SMS', messages.filter((m) => m.channel === 'sms'), replies) +
    section('whatsapp', 'WhatsApp messages', messages.filter((m) => m.channel === 'whatsapp'), replies);
  return sinkPage('SMS sink', `Twilio-compatible API for local development (SMS, WhatsApp and voice calls). JSON at /api/messages and /api/calls. Numbers ending in ${failingSuffix} fail.`, body);
}
