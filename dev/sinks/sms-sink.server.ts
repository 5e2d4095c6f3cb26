// Entry: the SMS sink alone (SMS_SINK_PORT, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, SINKS_HOST).
import { runUntilSignal } from './run-until-signal.js';
import { readSinkSettings } from './sink-settings.js';
import { startSmsSinkServer } from './start-sinks.js';

const sink = await startSmsSinkServer(readSinkSettings());
runUntilSignal('sinks', sink.description, sink.close);
