/**
 * As people do it, without JavaScript: a new employer presses "Ik doe mee"
 * on a published pitch and registers in the same form, confirms the address, a curator verifies
 * the new employer, the offer reaches the owner, who accepts it with a message; the employer
 * finds the outcome in Mijn aanbod and in the outbox. The CSV is for the owner only.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasText, connectBrowser, noJsPageFrom, visible } from './browser.ts';
import { goodPassword, identity, mailsTo, verifyVia } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Ik doe mee, zonder JavaScript', () => {
  test('a new employer registers in the flow, is verified, the owner accepts, the employer sees the outcome', async () => {
    const owner = identity('wethouder');
    const employer = identity('fenna');
    const curator = identity('curator');
    const company = `Fietsen Fenna ${Date.now().toString(36)}`;

    const ownerSide = await noJsPageFrom(browser, owner.ip);
    await confirmedAccount({ name: 'Wil Wethouder', email: owner.email, organisation: 'Zaanstad' });
    const pitchId = await publishedPitch(owner.email);

    // The visitor: offer and account in one form.
    const { context, page } = await noJsPageFrom(browser, employer.ip);
    await page.goto(`/pitches/${pitchId}/meedoen/`);
    await visible(page.getByRole('heading', { name: 'Ik doe mee: Werk in de Poelenbrug' }));
    // A first try without a kind of help keeps what was typed and says what is missing.
    await page.getByLabel('Aantal plaatsen').fill('2');
    await page.getByLabel(/Bericht aan de gemeente/).fill('Wij hebben twee plekken in de werkplaats.');
    await page.getByLabel('Uw naam').fill('Fenna Fiets');
    await page.getByLabel('E-mailadres').fill(employer.email);
    await page.getByLabel('Wachtwoord').fill(goodPassword);
    await page.getByLabel('Naam van een nieuwe werkgever').fill(company);
    await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    await hasText(page.locator('#veld-helpKinds-fout'), /Kies minstens één soort hulp/);
    expect(await page.getByLabel('Aantal plaatsen').inputValue()).toBe('2');
    expect(await page.getByLabel(/Bericht aan de gemeente/).inputValue()).toBe('Wij hebben twee plekken in de werkplaats.');
    await page.getByLabel('Banen').check();
    await page.getByLabel('Wachtwoord').fill(goodPassword);
    await page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
    await visible(page.getByRole('heading', { name: 'Kijk in uw e-mail' }));

    await verifyVia(page, employer.email);
    await signIn(page, employer.email);
    // The list on Mijn account (the menu has the same link since it got a shortcut to it).
    await page.getByRole('main').getByRole('link', { name: 'Mijn aanbod' }).click();
    await visible(page.getByText('wacht op bevestiging', { exact: true }));

    // A curator verifies the new employer (and with it Fenna): the offer goes to the owner.
    const desk = await noJsPageFrom(browser, curator.ip);
    await confirmedAccount({ name: 'Cor Curator', email: curator.email, organisation: 'Amsterdam', role: 'curator' });
    await signIn(desk.page, curator.email);
    await desk.page.goto('/beheer/');
    await desk.page.getByRole('button', { name: `Bevestig ${company} en Fenna Fiets` }).click();
    await hasText(desk.page.getByRole('status'), /is bevestigd als werkgever, en daarmee Fenna Fiets/);
    expect((await mailsTo(owner.email)).map((m) => m.subject)).toContain('Nieuw aanbod op uw pitch: Werk in de Poelenbrug');

    // The owner sees the offer with Fenna's contact, and accepts it with a message.
    await signIn(ownerSide.page, owner.email);
    await ownerSide.page.goto(`/pitches/${pitchId}/aanbod/`);
    await visible(ownerSide.page.getByRole('heading', { name: company }));
    await visible(ownerSide.page.getByRole('link', { name: employer.email }));
    await ownerSide.page.getByLabel(`Bericht aan ${company}`).fill('Welkom! We bellen u deze week.');
    await ownerSide.page.getByRole('button', { name: new RegExp(`^Accepteren\\s*:\\s*${company}$`) }).click();
    await hasText(ownerSide.page.getByRole('status'), /antwoord is opgeslagen/);

    // The CSV: the owner gets it, the employer gets 404.
    const csv = await ownerSide.page.request.get(`/pitches/${pitchId}/aanbod.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toContain(`${company};Fenna Fiets;${employer.email};geaccepteerd;Banen;2;`);
    expect((await page.request.get(`/pitches/${pitchId}/aanbod.csv`)).status()).toBe(404);
    expect((await page.request.get(`/pitches/${pitchId}/aanbod/`)).status()).toBe(404);

    await page.goto('/account/mijn-aanbod/');
    await visible(page.getByText('geaccepteerd', { exact: true }));
    await visible(page.getByText('Welkom! We bellen u deze week.'));
    expect((await mailsTo(employer.email)).map((m) => m.subject)).toEqual(
      expect.arrayContaining(['Uw aanbod is doorgestuurd: Werk in de Poelenbrug', 'Uw aanbod is geaccepteerd: Werk in de Poelenbrug']),
    );

    // The owner closes the pitch as matched.
    await ownerSide.page.getByLabel('gelukt', { exact: true }).check();
    await ownerSide.page.getByLabel('Aantal geplaatste mensen').fill('2');
    await ownerSide.page.getByRole('button', { name: 'Pitch sluiten' }).click();
    await hasText(ownerSide.page.getByRole('status'), /De pitch is gesloten/);
    expect((await mailsTo(employer.email)).map((m) => m.subject)).toContain('Pitch gesloten: Werk in de Poelenbrug');

    await context.close();
    await ownerSide.context.close();
    await desk.context.close();
  });

  test('a signed-in municipality member gets an explanation instead of a form; an unknown pitch is 404', async () => {
    const member = identity('gemeente');
    const { context, page } = await noJsPageFrom(browser, member.ip);
    await confirmedAccount({ name: 'Gerda Gemeente', email: member.email, organisation: 'Zaanstad' });
    const pitchId = await publishedPitch(member.email);
    await signIn(page, member.email);
    await page.goto(`/pitches/${pitchId}/meedoen/`);
    await visible(page.getByText(/Alleen werkgevers kunnen hulp aanbieden/));
    expect(await page.locator('form.pp-form').count()).toBe(0);
    expect((await page.goto('/pitches/bestaat-niet/meedoen/'))!.status()).toBe(404);
    await context.close();
  });
});
