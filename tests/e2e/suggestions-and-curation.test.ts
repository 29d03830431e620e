/**
 * In a browser. Without JavaScript: from a case page's "Vraag of
 * aanvulling" line to the form, an empty message (error next to the field, input kept), then a
 * correct one (thank-you page), and a curator finds it on /beheer/ and marks it handled. On a
 * 390 px phone, by keyboard: a curator writes a reason, confirms an applicant, reads whom the
 * notice names, and undoes it. axe finds nothing on the new and changed pages.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { suggestions } from '#db/marketplace-schema.ts';
import { users } from '#db/schema.ts';
import { axeViolations, baseURL, hasText, connectBrowser, noJsPageFrom, visible, openPage } from './browser.ts';
import { identity, mailsTo, registerVia, serverDatabase, verifyVia } from './accounts-support.ts';
import { signedInPage, signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in curator in a page of its own (no JavaScript unless asked). */
function curatorPage(name: string, options: { javaScript?: boolean; width?: number } = {}) {
  return signedInPage(browser, 'c1-curator', { name, role: 'curator', javaScript: options.javaScript, viewport: { width: options.width ?? 1280, height: 844 } });
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('praktijk aandragen of vraag stellen (zonder JavaScript)', () => {
  test('vanaf een praktijkvoorbeeld: een lege boodschap geeft een fout bij het veld, invoer blijft; daarna bedankt; de curator ziet het in /beheer/', async () => {
    const visitor = identity('c1-bezoeker');
    const { page, context } = await noJsPageFrom(browser, visitor.ip);
    await page.goto('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    await page.locator('.pp-contact-about a').click();
    await page.waitForURL(/\/aandragen\/\?over=/);
    await visible(page.getByText('Uw bericht gaat over:'));
    const aboutLink = page.locator('.pp-about a');
    expect(await aboutLink.getAttribute('href')).toBe('/praktijkvoorbeelden/postnl-pakketsorteercentra/');

    await page.getByLabel('Een vraag stellen').check();
    await page.getByLabel('Uw naam').fill('Vera Vragensteller');
    await page.getByLabel('Uw e-mailadres').fill(visitor.email);
    await page.getByLabel('Organisatie').fill('Gemeente Voorbeeld');
    await page.getByRole('button', { name: 'Verstuur' }).click();

    await hasText(page.locator('#veld-message-fout'), /^Fout:\s*Schrijf uw bericht\.$/);
    expect(await page.title()).toMatch(/^Fout: /);
    await visible(page.getByRole('alert').getByRole('link', { name: /Uw bericht: Schrijf uw bericht/ }));
    expect(await page.getByLabel('Uw naam').inputValue()).toBe('Vera Vragensteller');
    expect(await page.getByLabel('Uw e-mailadres').inputValue()).toBe(visitor.email);
    expect(await page.getByLabel('Organisatie').inputValue()).toBe('Gemeente Voorbeeld');
    expect(await page.getByLabel('Een vraag stellen').isChecked()).toBe(true);
    // The page it is about survives the failed post.
    expect(await page.locator('.pp-about a').getAttribute('href')).toBe('/praktijkvoorbeelden/postnl-pakketsorteercentra/');

    const message = `Werkt dit ook voor kleinere sorteercentra? (${visitor.email})`;
    await page.getByLabel('Uw bericht').fill(message);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await visible(page.getByRole('heading', { name: 'Bedankt voor uw bericht' }));
    await visible(page.getByText('Een curator leest uw vraag en antwoordt per e-mail'));
    await context.close();

    const { db } = await serverDatabase();
    const [stored] = await db.select().from(suggestions).where(eq(suggestions.message, message));
    expect(stored).toMatchObject({ kind: 'vraag', aboutPath: '/praktijkvoorbeelden/postnl-pakketsorteercentra/', email: visitor.email });
    expect((await mailsTo('redactie@praktijkplein.example')).some((m) => m.body.includes(message))).toBe(true);

    const desk = await curatorPage('Cora Curator');
    await desk.page.goto('/beheer/');
    await desk.page.getByRole('link', { name: 'Berichten van bezoekers' }).click();
    const card = desk.page.locator('[data-suggestion]').filter({ hasText: message });
    await visible(card);
    await visible(card.getByText('Vera Vragensteller, Gemeente Voorbeeld'));
    await visible(card.getByRole('link', { name: /PostNL/ }));
    await card.getByRole('button', { name: /^Afgehandeld/ }).click();
    await hasText(desk.page.getByRole('status'), 'Het bericht staat op afgehandeld.');
    expect(await desk.page.locator('[data-suggestion]').filter({ hasText: message }).count()).toBe(0);
    const [handled] = await db.select().from(suggestions).where(eq(suggestions.message, message));
    expect(handled!.status).toBe('handled');
    await desk.context.close();
  });

  test('?over= met een vreemd adres noemt geen pagina', async () => {
    const { page, context } = await noJsPageFrom(browser, identity('c1-vreemd').ip);
    await page.goto('/aandragen/?over=https://evil.example/praktijkvoorbeelden/x/');
    await visible(page.getByRole('heading', { name: 'Praktijk aandragen of vraag stellen' }));
    expect(await page.locator('.pp-about').count()).toBe(0);
    expect(await page.locator('input[name="about"]').count()).toBe(0);
    await context.close();
  });

  test('praktijkvoorbeelden, instrumenten en organisaties zeggen hoe je contact opneemt: via het netwerk, over die pagina', async () => {
    const { page, context } = await noJsPageFrom(browser, identity('c1-contact').ip);
    for (const path of ['/praktijkvoorbeelden/postnl-pakketsorteercentra/', '/instrumenten/basisbaan/', '/organisaties/zaanstad/', '/organisaties/postnl/']) {
      await page.goto(path);
      expect(await page.locator('.pp-contact-about a').getAttribute('href'), path).toBe(`/aandragen/?over=${path}`);
    }
    // An organisation's own contact details are never invented: contact goes through the network.
    await hasText(page.locator('.pp-contact-about'), /In contact komen met PostNL.*Dat loopt via het netwerk/);
    await page.goto('/organisaties/zaanstad/');
    await hasText(page.locator('.pp-contact-about'), /In contact komen met gemeente Zaanstad/);
    await context.close();
  });

  test('het formulier komt nooit uit de paginacache (een ingelogde ziet er eigen gegevens in)', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseURL()}/aandragen/`, { headers: { 'x-forwarded-for': identity('c1-cache').ip } });
      expect(response.status).toBe(200);
      // The page cache answers with an ETag; this page is rendered fresh every time.
      expect(response.headers.get('etag')).toBeNull();
    }
  });
});

describe('curatie op een telefoon (390 px), met het toetsenbord', () => {
  test('reden schrijven, bevestigen, de melding noemt wie, en ongedaan maken', async () => {
    const applicant = identity('c1-aanvrager');
    const waiting = await noJsPageFrom(browser, applicant.ip);
    await registerVia(waiting.page, { name: 'Jan de Vries', email: applicant.email, kind: 'gemeente', organisation: 'Zaanstad' });
    await verifyVia(waiting.page, applicant.email);
    await waiting.context.close();

    const desk = await curatorPage('Kees Kaart', { width: 390 });
    const { page } = desk;
    await page.goto('/beheer/');
    const card = page.locator('[data-applicant]').filter({ hasText: applicant.email });
    await visible(card);
    await visible(card.getByText('medewerker van Zaanstad (gemeente)'));
    await visible(card.getByText(/Onbekend: voor Zaanstad is nog geen eigen domein ingesteld/));
    expect(await sideways(page)).toBe(0);
    const confirm = card.getByRole('button', { name: 'Bevestig Jan de Vries' });
    const box = (await confirm.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    // Keyboard only from the reason field on: type, Tab to the confirm button, Enter.
    await card.getByLabel('Toelichting voor Jan de Vries').focus();
    await page.keyboard.type('Gebeld met team Werk van Zaanstad.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Bevestig Jan de Vries');
    await page.keyboard.press('Enter');
    await page.waitForURL(/besluit=/);
    await hasText(page.locator('#melding'), /Jan de Vries is bevestigd als medewerker van Zaanstad\./);
    await hasText(page.locator('#melding'), /met uw toelichting\. Tot dan kunt u dit ongedaan maken\./);
    expect(await sideways(page)).toBe(0);
    const { db } = await serverDatabase();
    const [confirmed] = await db.select().from(users).where(eq(users.email, applicant.email));
    expect(confirmed!.membershipVerifiedAt).not.toBeNull();
    const mail = (await mailsTo(applicant.email)).find((m) => m.subject === 'Uw lidmaatschap op Praktijkplein is bevestigd');
    expect(mail).toMatchObject({ status: 'queued' });
    expect(mail!.body).toContain('Gebeld met team Werk van Zaanstad.');

    // The fragment puts the keyboard at the notice: the next Tab reaches "Ongedaan maken".
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Ongedaan maken/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/ongedaan=/);
    await hasText(page.locator('#melding'), /Het besluit over Jan de Vries is teruggedraaid\. Jan de Vries wacht weer op bevestiging\. De e-mail is niet verstuurd\./);
    const [restored] = await db.select().from(users).where(eq(users.email, applicant.email));
    expect(restored!.membershipVerifiedAt).toBeNull();
    expect((await mailsTo(applicant.email)).map((m) => m.subject)).not.toContain('Uw lidmaatschap op Praktijkplein is bevestigd');
    await visible(page.locator('[data-applicant]').filter({ hasText: applicant.email }));
    await desk.context.close();
  });

  test('op 320 px: geen zijwaarts scrollen en de knoppen heel in beeld', async () => {
    const applicant = identity('c1-smal');
    const waiting = await noJsPageFrom(browser, applicant.ip);
    await registerVia(waiting.page, { name: 'Bartholomeus van Langenaamsveld-Achternaam', email: applicant.email, kind: 'gemeente', organisation: 'Zaanstad' });
    await verifyVia(waiting.page, applicant.email);
    await waiting.context.close();
    const desk = await curatorPage('Smalle Curator', { width: 320 });
    await desk.page.goto('/beheer/');
    const card = desk.page.locator('[data-applicant]').filter({ hasText: applicant.email });
    await visible(card);
    expect(await sideways(desk.page)).toBe(0);
    for (const button of await card.getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
    }
    await desk.page.goto('/aandragen/');
    expect(await sideways(desk.page)).toBe(0);
    await desk.context.close();
  });
});

describe('toegankelijkheid (axe)', () => {
  test('/aandragen/ (leeg, met fouten, met een pagina), bedankt, /beheer/ met kaarten en melding, /beheer/suggesties/', async () => {
    const visitor = identity('c1-axe');
    const { context, page } = await openPage(browser, { ip: visitor.ip });
    await page.goto('/aandragen/?over=/instrumenten/basisbaan/');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByRole('alert').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Een praktijkvoorbeeld aandragen').check();
    await page.getByLabel('Uw bericht').fill('Een bakkerij in Purmerend werkt met vier mensen uit de bijstand.');
    await page.getByLabel('Uw naam').fill('Axel Axe');
    await page.getByLabel('Uw e-mailadres').fill(visitor.email);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await visible(page.getByRole('heading', { name: 'Bedankt voor uw bericht' }));
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const applicant = identity('c1-axe-aanvrager');
    const waiting = await noJsPageFrom(browser, applicant.ip);
    await registerVia(waiting.page, { name: 'Ans Aanvraag', email: applicant.email, kind: 'gemeente', organisation: 'Zaanstad' });
    await verifyVia(waiting.page, applicant.email);
    await waiting.context.close();
    const desk = await curatorPage('Axe Curator', { javaScript: true });
    await desk.page.goto('/beheer/');
    expect(await axeViolations(desk.page)).toEqual([]);
    const card = desk.page.locator('[data-applicant]').filter({ hasText: applicant.email });
    await card.getByRole('button', { name: /Niet bevestigen/ }).click();
    await visible(desk.page.locator('#veld-reason-' + (await card.locator('input[name="userId"]').getAttribute('value')) + '-fout'));
    expect(await axeViolations(desk.page)).toEqual([]);
    await desk.page.locator('[data-applicant]').filter({ hasText: applicant.email }).getByLabel(/Toelichting voor/).fill('Niet bekend bij Zaanstad.');
    await desk.page.locator('[data-applicant]').filter({ hasText: applicant.email }).getByRole('button', { name: /Niet bevestigen/ }).click();
    await hasText(desk.page.locator('#melding'), /Ans Aanvraag is niet bevestigd als medewerker van Zaanstad\./);
    expect(await axeViolations(desk.page)).toEqual([]);
    // The person is told on their own account page too, not left "waiting for a curator".
    const rejected = await noJsPageFrom(browser, applicant.ip);
    await signIn(rejected.page, applicant.email);
    await hasText(rejected.page.locator('section.pp-status').getByRole('heading'), 'Uw aanmelding is niet bevestigd');
    await rejected.context.close();
    await desk.page.goto('/beheer/suggesties/');
    await visible(desk.page.locator('[data-suggestion]').first());
    expect(await axeViolations(desk.page)).toEqual([]);
    await desk.context.close();
  });
});
