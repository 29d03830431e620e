/**
 * As a person sees it (Chromium, JavaScript off): an employer member waits for
 * verification on the account page; a curator sees employer members and proposed employers
 * with who proposed them, cannot give an employer a free-mail domain, and verifies both.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasText, connectBrowser, visible, noJsPageFrom } from './browser.ts';
import { identity, mailsTo, registerVia, setRole, verifyVia } from './accounts-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const noJsPage = (ip: string) => noJsPageFrom(browser, ip);

describe('werkgevers bevestigen', () => {
  test('een werkgeverslid wacht op bevestiging; een curator weigert een gratis maildomein en bevestigt lid en nieuwe werkgever', async () => {
    const member = identity('pakket');
    const founder = identity('frits');
    const curator = identity('curator');
    const { context, page } = await noJsPage(member.ip);
    // One browser per person: a signed-in browser is sent away from the login page.
    const other = await noJsPage(curator.ip);
    const desk = other.page;

    await registerVia(page, { name: 'Piet Pakket', email: member.email, kind: 'werkgever', organisation: 'PostNL' });
    await verifyVia(page, member.email);
    await registerVia(desk, { name: 'Frits Fiets', email: founder.email, kind: 'werkgever', newEmployer: 'Fietsen Frits' });
    await verifyVia(desk, founder.email);
    await registerVia(desk, { name: 'Cor Curator', email: curator.email, kind: 'gemeente', organisation: 'Zaanstad' });
    await verifyVia(desk, curator.email);
    await setRole(curator.email, 'curator');

    await signIn(page, member.email);
    await visible(page.getByRole('heading', { name: 'Wacht op bevestiging' }));
    await visible(page.getByText(/bevestigt uw lidmaatschap/));

    await signIn(desk, curator.email);
    await desk.goto('/beheer/');
    await visible(desk.getByText('medewerker van PostNL (werkgever)').first());
    await visible(desk.getByRole('heading', { name: 'Fietsen Frits' }));

    await desk.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'PostNL' });
    await desk.getByRole('textbox', { name: /E-maildomein/ }).fill('gmail.com');
    await desk.getByRole('button', { name: 'Opslaan' }).click();
    await hasText(desk.locator('#veld-domain-fout'), /e-maildienst waar iedereen een adres kan nemen/);

    await desk.getByRole('button', { name: 'Bevestig Piet Pakket' }).click();
    await hasText(desk.getByRole('status'), /Piet Pakket is bevestigd als medewerker van PostNL\./);
    await desk.getByRole('button', { name: 'Bevestig Fietsen Frits en Frits Fiets' }).click();
    await hasText(desk.getByRole('status'), /Fietsen Frits is bevestigd als werkgever, en daarmee Frits Fiets/);
    expect((await mailsTo(founder.email)).map((m) => m.subject)).toContain('Uw lidmaatschap op Praktijkplein is bevestigd');

    await page.goto('/account/');
    await visible(page.getByText('Lidmaatschap bevestigd'));
    await context.close();
    await other.context.close();
  });
});
