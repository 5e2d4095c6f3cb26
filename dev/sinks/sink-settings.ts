// Ports and credentials of the local sinks, from the environment (the launcher reads the same).
import { DEV_TWILIO } from '../../core/config/config.js';
import { readInt, readString } from '../../core/config/env-readers.js';

export interface SinkSettings {
  host: string;
  smsPort: number;
  mailSmtpPort: number;
  mailWebPort: number;
  printerPort: number;
  printerWebPort: number;
  twilio: { accountSid: string; authToken: string };
}

export function readSinkSettings(env: NodeJS.ProcessEnv = process.env): SinkSettings {
  return {
    host: readString(env, 'SINKS_HOST', '127.0.0.1'),
    smsPort: readInt(env, 'SMS_SINK_PORT', 1090),
    mailSmtpPort: readInt(env, 'MAIL_SINK_SMTP_PORT', 1025),
    mailWebPort: readInt(env, 'MAIL_SINK_WEB_PORT', 1080),
    printerPort: readInt(env, 'PRINTER_SINK_PORT', 9100),
    printerWebPort: readInt(env, 'PRINTER_SINK_WEB_PORT', 9101),
    twilio: {
      accountSid: readString(env, 'TWILIO_ACCOUNT_SID', DEV_TWILIO.accountSid),
      authToken: readString(env, 'TWILIO_AUTH_TOKEN', DEV_TWILIO.authToken),
    },
  };
}
