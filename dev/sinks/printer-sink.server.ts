// Entry: the printer sink alone (PRINTER_SINK_PORT, PRINTER_SINK_WEB_PORT, SINKS_HOST).
import { runUntilSignal } from './run-until-signal.js';
import { readSinkSettings } from './sink-settings.js';
import { startPrinterSinkServer } from './start-sinks.js';

const sink = await startPrinterSinkServer(readSinkSettings());
runUntilSignal('sinks', sink.description, sink.close);
