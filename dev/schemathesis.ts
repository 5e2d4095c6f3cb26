// Where the API fuzzer (schemathesis, from PyPI) lives: its own virtual environment under
// .tools/, pinned, so every machine fuzzes with the same generator. Installed by install-tools.ts.
import { accessSync, chmodSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from './temporal-binaries.js';

export const SCHEMATHESIS_VERSION = '4.32.5';

/** The virtual environment (SCHEMATHESIS_VENV moves it, e.g. for a shared cache). */
export const schemathesisVenv = () => process.env.SCHEMATHESIS_VENV || join(PROJECT_ROOT, '.tools', 'schemathesis');

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The `st` command of the pinned version, or undefined when it is not installed. */
export function findSchemathesis(): string | undefined {
  const explicit = process.env.SCHEMATHESIS_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`SCHEMATHESIS_PATH points at ${explicit}, which does not exist`);
    return explicit;
  }
  const st = join(schemathesisVenv(), 'bin', 'st');
  if (!isExecutable(st)) return undefined;
  const version = spawnSync(st, ['--version'], { encoding: 'utf8' });
  return version.status === 0 && version.stdout.includes(SCHEMATHESIS_VERSION) ? st : undefined;
}

/** Creates the virtual environment and installs the pinned version into it; true when `st` runs. */
export function installSchemathesis(python: string): boolean {
  const venv = schemathesisVenv();
  const pinned = `schemathesis==${SCHEMATHESIS_VERSION}`;
  const created = spawnSync(python, ['-m', 'venv', '--clear', venv], { stdio: 'inherit' });
  if (created.status === 0) {
    const pip = spawnSync(join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', pinned], { stdio: 'inherit' });
    if (pip.status === 0 && findSchemathesis()) return true;
  }
  return installWithTarget(python);
}

/** For a Python without the venv module (Debian's python3 without python3-venv): the same
 * --target install as the Temporal binaries, and an `st` that runs it from there. */
export function installWithTarget(python: string): boolean {
  const venv = schemathesisVenv();
  const pinned = `schemathesis==${SCHEMATHESIS_VERSION}`;
  rmSync(venv, { recursive: true, force: true });
  const site = join(venv, 'site');
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', '--target', site, pinned], { stdio: 'inherit' });
  if (pip.status !== 0) return false;
  mkdirSync(join(venv, 'bin'), { recursive: true });
  const st = join(venv, 'bin', 'st');
  writeFileSync(st, `#!/bin/sh\nPYTHONPATH='${site}'\${PYTHONPATH:+:\$PYTHONPATH} exec '${python}' -m schemathesis.cli "$@"\n`);
  chmodSync(st, 0o755);
  return findSchemathesis() !== undefined;
}
