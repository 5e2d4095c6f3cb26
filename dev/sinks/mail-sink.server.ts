// Entry: the mail sink alone (MAIL_SINK_SMTP_PORT, MAIL_SINK_WEB_PORT, MAIL_SINK_DIR, SINKS_HOST).
import { runUntilSignal } from './run-until-signal.js';
import { readSinkSettings } from './sink-settings.js';
import { startMailSinkServer } from './start-sinks.js';

const sink = await startMailSinkServer(readSinkSettings());
runUntilSignal('sinks', sink.description, sink.close);
