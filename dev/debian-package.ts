// Tools the tests need from Debian's packages (Chromium, Prometheus' promtool), never downloaded
// builds. `npm install` brings one when it is missing and this machine lets us (root with apt-get);
// otherwise it says the one command to run. Never fails the install: only some tests need them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';

export interface DebianTool {
  /** The Debian package that brings it. */
  pkg: string;
  /** Where the package puts the executable. */
  defaultPath: string;
  /** A variable that points at another copy. */
  envVar: string;
  /** Who needs it, for the messages: "the browser tests". */
  neededBy: string;
  /** Recommended packages stay out when they would get in the way (a daemon on a port we use). */
  withRecommends?: boolean;
}

/** The executable: the variable's path when set, else the package's. */
export const toolPath = (tool: DebianTool) => process.env[tool.envVar] || tool.defaultPath;

/** The executable when it is there, or null. */
export const findDebianTool = (tool: DebianTool): string | null => (existsSync(toolPath(tool)) ? toolPath(tool) : null);

/** The one command that installs the package. */
export const installCommand = (tool: DebianTool) =>
  `apt-get update && apt-get install -y ${tool.withRecommends === false ? '--no-install-recommends ' : ''}${tool.pkg}`;

/** Why it is missing and how to get it, in one sentence. */
export const missingMessage = (tool: DebianTool) =>
  process.env[tool.envVar]
    ? `${tool.envVar}=${toolPath(tool)} does not exist: ${tool.neededBy} need it there.`
    : `No ${basename(tool.defaultPath)} at ${tool.defaultPath}: ${tool.neededBy} need Debian's ${tool.pkg} package. Run: sudo sh -c '${installCommand(tool)}' (or set ${tool.envVar}).`;

const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** Where the tool is after this call, or null with the reason printed. */
export function ensureDebianTool(tool: DebianTool): string | null {
  const path = toolPath(tool);
  if (existsSync(path)) return path;
  if (process.env[tool.envVar] || process.getuid?.() !== 0 || !hasCommand('apt-get')) {
    console.warn(missingMessage(tool));
    return null;
  }
  const command = installCommand(tool);
  console.log(`installing Debian's ${tool.pkg} for ${tool.neededBy} (${command})`);
  const quiet = command.replace('apt-get update', 'apt-get update -qq').replace('install -y', 'install -y -qq');
  const result = spawnSync('sh', ['-c', `${quiet} > /dev/null`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status === 0 && existsSync(path)) return path;
  console.warn(`could not install ${tool.pkg} (apt-get exited ${result.status}); run: ${command}`);
  return null;
}
