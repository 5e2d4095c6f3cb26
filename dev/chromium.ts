// The browser tests drive Debian's Chromium (never a downloaded browser build). `npm install`
// brings it when it is missing and this machine lets us (root with apt-get); otherwise it says
// the one command to run. Never fails the install: only the browser tests need it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Where Chromium is after this call, or null with the reason printed. */
export function ensureChromium(): string | null {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CHROMIUM_PATH) {
    console.warn(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist: the browser tests need a Chromium there.`);
    return null;
  }
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) {
    console.warn(`No Chromium at ${CHROMIUM_PATH}: the browser tests need Debian's package. Run: sudo sh -c '${INSTALL}' (or set CHROMIUM_PATH).`);
    return null;
  }
  console.log(`installing Debian's chromium for the browser tests (${INSTALL})`);
  const result = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium > /dev/null'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status === 0 && existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  console.warn(`could not install chromium (apt-get exited ${result.status}); run: ${INSTALL}`);
  return null;
}
