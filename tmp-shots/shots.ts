import { chromium } from 'playwright-core';
import { eq, desc } from 'drizzle-orm';
import { openDatabase } from '#db/client.ts';
import { users, outbox } from '#db/schema.ts';
import { createSession } from '#platform/auth/session.ts';
import { sessionCookieName } from '#platform/auth/cookie.ts';

const base = 'http://127.0.0.1:4399';
const { db } = await openDatabase({ url: 'file:/tmp/match-demo/demo.db' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium-headless-shell', args: ['--no-sandbox'] });
const out = process.argv[2] ?? '/tmp/match-demo';
const step = process.argv[3] ?? 'all';

async function as(email: string | null) {
  const context = await browser.newContext({ baseURL: base });
  if (email) {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    const { token } = await createSession(db, u!.id);
    await context.addCookies([{ name: sessionCookieName(false), value: token, domain: '127.0.0.1', path: '/' }]);
  }
  return context.newPage();
}
async function shoot(page: import('playwright-core').Page, name: string) {
  for (const [w, h] of [[390, 844], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    const over = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    if (over) console.log('HORIZONTAL SCROLL', name, w);
    await page.screenshot({ path: `${out}/${name}-${w}.png`, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const part = w === 390 ? 900 : 800;
    for (let y = 0, i = 0; y < height - 700; y += part, i++) {
      await page.screenshot({ path: `${out}/${name}-${w}-${i}.png`, fullPage: true, clip: { x: 0, y, width: w, height: Math.min(part, height - y) } });
    }
  }
}

if (step === 'all' || step === 'profile') {
  const p = await as('werkgever@demo.praktijkplein.nl');
  await p.goto('/account/werkgeversprofiel/');
  await shoot(p, 'profiel');
}
if (step === 'all' || step === 'owner') {
  const p = await as('gemeente@demo.praktijkplein.nl');
  await p.goto('/pitches/demo-zaanstad-poelenbrug/werkgevers/');
  await shoot(p, 'werkgevers');
}
if (step === 'invite') {
  const p = await as('gemeente@demo.praktijkplein.nl');
  await p.goto('/pitches/demo-zaanstad-poelenbrug/werkgevers/');
  await p.getByLabel('Persoonlijk bericht aan Tweede Voorbeeldbedrijf (demo)').fill('Beste mensen, wij zoeken werkgevers in de wijk. Doet u mee?');
  await p.getByRole('button', { name: 'Uitnodigen Tweede Voorbeeldbedrijf (demo)' }).click();
  await p.waitForURL(/melding=uitgenodigd/);
  await shoot(p, 'werkgevers-uitgenodigd');
  await p.getByLabel('Persoonlijk bericht aan Garage Zaanbocht (demo)').fill('x'.repeat(1001));
  await p.getByRole('button', { name: 'Uitnodigen Garage Zaanbocht (demo)' }).click();
  await p.waitForLoadState();
  await shoot(p, 'werkgevers-fout');
}
if (step === 'decline') {
  const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, 'werkgever2@demo.praktijkplein.nl')).orderBy(desc(outbox.createdAt));
  console.log(mail?.subject); console.log(mail?.body);
  const link = mail!.body.match(/https?:\/\/\S+\/uitnodiging\/\S+/)![0].replace(/^https?:\/\/[^/]+/, '');
  const join = mail!.body.match(/https?:\/\/\S+meedoen\/\S+/)![0].replace(/^https?:\/\/[^/]+/, '');
  const p = await as('werkgever2@demo.praktijkplein.nl');
  await p.goto(join);
  await shoot(p, 'meedoen-uitnodiging');
  const v = await as(null);
  await v.goto(link);
  await shoot(v, 'nee-dank-u');
  await v.getByRole('button', { name: 'Nee, dank u' }).click();
  await v.waitForURL(/melding=afgeslagen/);
  await shoot(v, 'afgeslagen');
  await v.getByLabel('Waarom doet u niet mee?').fill('y'.repeat(501));
  await v.getByRole('button', { name: 'Reden versturen' }).click();
  await v.waitForLoadState();
  await shoot(v, 'reden-fout');
  await v.getByLabel('Waarom doet u niet mee?').fill('Wij hebben dit jaar geen plek.');
  await v.getByRole('button', { name: 'Reden versturen' }).click();
  await v.waitForURL(/melding=reden-ontvangen/);
  await shoot(v, 'reden');
  const o = await as('gemeente@demo.praktijkplein.nl');
  await o.goto('/pitches/demo-zaanstad-poelenbrug/werkgevers/');
  await shoot(o, 'werkgevers-antwoord');
  await o.goto('/pitches/demo-zaanstad-poelenbrug/');
  await shoot(o, 'pitch-eigenaar');
}
await browser.close();
process.exit(0);
