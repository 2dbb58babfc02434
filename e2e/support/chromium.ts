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

/** Where the browser tests' Chromium comes from, for the line the run prints. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';

export function systemChromium(): { executablePath: string; source: ChromiumSource } | null {
  if (process.env.CHROMIUM_PATH) {
    if (!fs.existsSync(process.env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
    return { executablePath: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  const found = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));
  return found ? { executablePath: found, source: 'system' } : null;
}

/**
 * The system Chromium (Debian's `chromium` package) or CHROMIUM_PATH; where there is none, the
 * Chromium shipped inside the npm package @sparticuz/chromium (unpacked from the package, never
 * downloaded), so `npm install && npm test` works on a fresh machine. Prints which one runs.
 */
export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  // E2E_CHROMIUM=packaged tries the fallback on a machine that has a system Chromium.
  const system = process.env.E2E_CHROMIUM === 'packaged' ? null : systemChromium();
  if (system) {
    process.stdout.write(`e2e: Chromium from ${system.source}: ${system.executablePath}\n`);
    return { executablePath: system.executablePath, args: FLAGS };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  const executablePath = await packaged.executablePath();
  process.stdout.write(`e2e: no system Chromium; using the one shipped in @sparticuz/chromium: ${executablePath}\n`);
  // Only our flags: the package's own are for AWS Lambda (--single-process, which dies when
  // Playwright closes a context, and --disable-web-security, which would void the CSP tests).
  return { executablePath, args: FLAGS };
}
