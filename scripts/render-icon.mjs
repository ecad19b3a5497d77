#!/usr/bin/env node
/**
 * Renders assets/icon.svg to the PNGs electron-builder and the app window use:
 *   assets/icon.png          1024×1024 (Windows and macOS builds, BrowserWindow icon)
 *   assets/icons/NxN.png     16 … 512 (the Linux icon set, electron-builder's `linux.icon` dir)
 *
 * Drives Debian's Chromium through playwright-core (no Playwright browser download): each size
 * is rasterised from the vector source, not scaled down from the big PNG, so small sizes stay
 * crisp. Run after editing the SVG:  node scripts/render-icon.mjs
 * Set CHROMIUM_PATH to use another Chromium binary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASSETS = path.join(ROOT, 'assets');
const SOURCE = path.join(ASSETS, 'icon.svg');
const MAIN_PNG = path.join(ASSETS, 'icon.png');
const ICON_SET_DIR = path.join(ASSETS, 'icons');
const MAIN_SIZE = 1024;
const SET_SIZES = [16, 32, 48, 64, 128, 256, 512];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function page(svg, size) {
  // The SVG is inlined and stretched to the viewport; the page itself has no background, so
  // `omitBackground` leaves the corners outside the rounded square transparent.
  const sized = svg.replace(/<svg\b/, `<svg width="${size}" height="${size}"`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
svg { display: block; }
</style></head><body>${sized}</body></html>`;
}

async function main() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const svg = fs.readFileSync(SOURCE, 'utf8').replace(/<\?xml[^>]*\?>\s*/, '');
  fs.mkdirSync(ICON_SET_DIR, { recursive: true });

  // A fresh, throw-away profile: nothing of a user's Chromium is read or written.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'transit-ledger-icon-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: MAIN_SIZE, height: MAIN_SIZE },
    deviceScaleFactor: 1,
  });
  try {
    const tab = context.pages()[0] ?? (await context.newPage());
    const jobs = [
      { size: MAIN_SIZE, file: MAIN_PNG },
      ...SET_SIZES.map((size) => ({ size, file: path.join(ICON_SET_DIR, `${size}x${size}.png`) })),
    ];
    for (const { size, file } of jobs) {
      await tab.setViewportSize({ width: size, height: size });
      await tab.setContent(page(svg, size), { waitUntil: 'load' });
      await tab.screenshot({
        path: file,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      process.stdout.write(`${path.relative(ROOT, file)}  ${size}×${size}\n`);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`render-icon: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
