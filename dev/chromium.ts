// The browser tests drive Debian's Chromium (never a downloaded browser build); `npm install`
// brings it when it is missing and the machine lets us (dev/debian-package.ts).
import { ensureDebianTool, toolPath, type DebianTool } from './debian-package.js';

const CHROMIUM: DebianTool = { pkg: 'chromium', defaultPath: '/usr/bin/chromium', envVar: 'CHROMIUM_PATH', neededBy: 'the browser tests' };

export const CHROMIUM_PATH = toolPath(CHROMIUM);

/** Where Chromium is after this call, or null with the reason printed. */
export const ensureChromium = (): string | null => ensureDebianTool(CHROMIUM);
