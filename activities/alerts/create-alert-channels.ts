// TEMPORARY until the channel clients land: every send fails loudly.
import type { AppConfig } from '../../config/config.js';
import type { AlertChannels } from './alert-channels.js';

export function createAlertChannels(_config: AppConfig): AlertChannels {
  const missing = () => {
    throw new Error('alert channels are not wired yet');
  };
  return { render: missing, sendEmail: missing, sendSms: missing, printTicket: missing };
}
