import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
// the same build `npm start` serves, cached by a hash of the UI's sources
import { ensureUiBuild } from '../../client/ui/build.mjs';
import type { Config } from '../../server/config.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.TRACKQL_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots of every page the tests open (gitignored). */
export const OUTPUT = path.join(root, 'test/.output/ui');

/** The flags of a headless Chromium that never reaches the network on its own. */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A real server with the built UI, and a headless Chromium pointed at it. */
export interface UiHarness {
  t: TestApp;
  /** `http://127.0.0.1:<port>` */
  base: string;
  browser: Browser;
  page: Page;
  /** Requests the page made to anything but the server (must stay empty: the UI works offline). */
  foreign: string[];
  close(): Promise<void>;
}

/** Builds (or reuses) the UI, starts an app serving it and opens a page in Chromium. */
export async function startUi(
  opts: { config?: Partial<Config>; authorization?: string } = {},
): Promise<UiHarness> {
  if (!existsSync(CHROMIUM)) {
    // never a skip: CI installs chromium (.ci/run); a missing browser is a broken machine
    throw new Error(
      `${CHROMIUM} is missing: apt-get install -y chromium (or set TRACKQL_CHROMIUM)`,
    );
  }
  const cache = path.join(root, 'node_modules/.cache/trackql');
  mkdirSync(cache, { recursive: true });
  const uiDir = await ensureUiBuild(cache);
  const t = await createTestApp({
    config: { uiDir, ...opts.config },
    authorization: opts.authorization,
  });
  const base = (await t.listen()).replace(/\/graphql$/, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return {
    t,
    base,
    browser,
    page,
    foreign,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * Saves a screenshot of the page under test/.output/ui and checks it is not blank: at least 2 % of
 * its pixels differ from the top-left corner's colour, counted in a blank page of the same browser.
 */
export async function screenshot(h: UiHarness, name: string): Promise<void> {
  const png = await h.page.screenshot({ fullPage: false });
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(path.join(OUTPUT, `${name}.png`), png);
  const probe = await h.browser.newPage();
  try {
    const share = await probe.evaluate(async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      let differ = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (
          Math.abs(px[i]! - px[0]!) +
            Math.abs(px[i + 1]! - px[1]!) +
            Math.abs(px[i + 2]! - px[2]!) >
          30
        ) {
          differ++;
        }
      }
      return differ / (px.length / 4);
    }, png.toString('base64'));
    expect(share, `${name}.png looks blank`).toBeGreaterThan(0.02);
  } finally {
    await probe.close();
  }
}
