// Cloud printing (Star CloudPRNT): how long a ticket waits for its printer, and when a printer that
// stopped polling becomes a merchant alert. Printers poll every 5 to 120 seconds (their setting).
import { readInt } from './env-readers.js';

export interface CloudPrintingSettings {
  /** A ticket no printer fetched and confirmed by then is recorded failed (a printed repair ticket is stale after that). */
  jobTtlMs: number;
  /** No poll for this long: the merchant hears the printer is offline (once), and again when it is back. */
  staleAfterMs: number;
  /** How often the printer's watch looks at its poll count. */
  checkEveryMs: number;
}

export function readCloudPrinting(env: NodeJS.ProcessEnv): CloudPrintingSettings {
  return {
    jobTtlMs: readInt(env, 'PRINT_JOB_TTL_MS', 2 * 3_600_000, 60_000, 7 * 24 * 3_600_000),
    staleAfterMs: readInt(env, 'PRINTER_STALE_AFTER_MS', 15 * 60_000, 1_000, 7 * 24 * 3_600_000),
    checkEveryMs: readInt(env, 'PRINTER_CHECK_EVERY_MS', 60_000, 1_000, 3_600_000),
  };
}
