// Entry of the local sinks process that `npm run dev` starts: SMS (Twilio API), mail (MailDev) and
// POS printers, each with a page showing what the product sent. One sink alone: *-sink.server.ts.
import { runUntilSignal } from './run-until-signal.js';
import { readSinkSettings } from './sink-settings.js';
import { startMailSinkServer, startPrinterSinkServer, startSmsSinkServer, type RunningSink } from './start-sinks.js';

const settings = readSinkSettings();
const started: RunningSink[] = [];
try {
  for (const start of [startSmsSinkServer, startMailSinkServer, startPrinterSinkServer]) started.push(await start(settings));
} catch (error) {
  // A port taken halfway: close what did start, then fail loudly.
  await Promise.allSettled(started.map((sink) => sink.close()));
  throw error;
}
runUntilSignal('sinks', started.map((sink) => sink.description).join(' · '), async () => {
  await Promise.allSettled(started.map((sink) => sink.close()));
});
