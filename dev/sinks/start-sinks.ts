// Starting each sink on its configured ports, shared by the per-sink entry points and by
// sinks/server.ts (all three at once, what the launcher runs).
import { startMailSink } from './mail-sink.js';
import { buildPrinterSink, closeTcp, listenTcp } from './printer-sink.js';
import type { SinkSettings } from './sink-settings.js';
import { buildSmsSink } from './sms-sink.js';

export interface RunningSink {
  /** One line: where to look and what to point the product at. */
  description: string;
  close(): Promise<void>;
}

export async function startSmsSinkServer(settings: SinkSettings): Promise<RunningSink> {
  const sink = buildSmsSink(settings.twilio);
  const url = await sink.app.listen({ port: settings.smsPort, host: settings.host });
  return { description: `SMS sink ${url}/ (TWILIO_API_BASE_URL=${url}, account ${settings.twilio.accountSid})`, close: () => sink.app.close() };
}

export async function startMailSinkServer(settings: SinkSettings): Promise<RunningSink> {
  const sink = await startMailSink({ smtpPort: settings.mailSmtpPort, webPort: settings.mailWebPort, host: settings.host, mailDirectory: process.env.MAIL_SINK_DIR || undefined });
  return { description: `mail sink ${sink.webUrl} (SMTP_URL=${sink.smtpUrl})`, close: () => sink.stop() };
}

export async function startPrinterSinkServer(settings: SinkSettings): Promise<RunningSink> {
  const sink = buildPrinterSink();
  const port = await listenTcp(sink.tcp, settings.printerPort, settings.host);
  const url = await sink.web.listen({ port: settings.printerWebPort, host: settings.host });
  return {
    description: `printer sink ${url}/ (printer address ${settings.host}:${port})`,
    close: async () => {
      await Promise.all([sink.web.close(), closeTcp(sink.tcp)]);
    },
  };
}
