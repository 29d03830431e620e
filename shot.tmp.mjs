// usage: node shot.mjs <baseURL> <outdir> <prefix> path1 path2 ...   (env LOGIN=email to sign in first)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
const [,, base, out, prefix, ...paths] = process.argv;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [w, h] of [[390, 844], [1280, 800]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await ctx.newPage();
  if (process.env.LOGIN) {
    await page.goto(base + '/account/inloggen/');
    await page.fill('input[name=email]', process.env.LOGIN);
    await page.fill('input[name=password]', 'oefenen op het praktijkplein');
    await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
  }
  for (const p of paths) {
    await page.goto(base + p, { waitUntil: 'networkidle' });
    const name = `${prefix}-${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${w}.png`;
    await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
