import { existsSync } from 'node:fs';

/** Debian's Chromium; browsers cannot be downloaded here. CHROMIUM_PATH overrides the location. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export function chromiumLaunchOptions() {
  return {
    executablePath: chromiumPath(),
    // Without the background-networking flags Chromium floods a closed network with connection attempts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
