import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The system Chromium (Debian's `chromium` package) or CHROMIUM_PATH; never a downloaded
 * browser. Fails with instructions when none is installed.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const executablePath = candidates.find((candidate) => fs.existsSync(candidate));
  if (!executablePath) {
    throw new Error('No Chromium found for the browser tests. Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.');
  }
  return { executablePath, args: FLAGS };
}
