/**
 * Finds Chromium for the browser tests, installing Debian's package when it is missing and we may
 * (root, or passwordless sudo). Browsers cannot be downloaded by Playwright here, so Debian's is used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tests/e2e/browser.ts';

export function ensureChromium(): string {
  const found = chromiumPath();
  if (existsSync(found)) return found;
  const isRoot = process.getuid?.() === 0;
  const canSudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!isRoot && !canSudo) {
    throw new Error(`Chromium is not installed at ${found}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const run = (args: string[]) => execFileSync(isRoot ? args[0]! : 'sudo', isRoot ? args.slice(1) : args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log('Installing Chromium from Debian packages (about a minute)...');
  run(['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'update']);
  run(['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', 'chromium']);
  const installed = chromiumPath();
  if (!existsSync(installed)) throw new Error(`apt-get installed chromium, but ${installed} does not exist; set CHROMIUM_PATH.`);
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
