/**
 * Account flows as a person does them, in Chromium with JavaScript off (every form must work
 * without it): register → verify by the link from the e-mail → log in → log out; forgotten
 * password; a curator verifying a municipality member; download and delete.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasText, connectBrowser, visible, noJsPageFrom } from './browser.ts';
import { eq } from 'drizzle-orm';
import { users } from '#db/schema.ts';
import { goodPassword, identity, linkFromMail, loginVia, mailsTo, registerVia, serverDatabase, setRoleWithCli, verifyVia } from './accounts-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const noJsPage = (ip: string) => noJsPageFrom(browser, ip);

describe('account', () => {
  test('registreren in twee stappen zonder JavaScript: eerst de soort, dan alleen dat deel; fouten houden de invoer vast, de focus staat op de foutsamenvatting; "Den Haag" wordt \'s-Gravenhage', async () => {
    const me = identity('anna');
    const { context, page } = await noJsPage(me.ip);
    await page.goto('/account/registreren/');
    // Step 1: both kinds, clearly named, and no form yet.
    await visible(page.getByRole('link', { name: /^Bij een gemeente/ }));
    await visible(page.getByRole('link', { name: /^Bij een werkgever/ }));
    expect(await page.locator('form.pp-form').count()).toBe(0);

    await page.getByRole('link', { name: /^Bij een gemeente/ }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Account aanmaken voor een gemeente');
    // Only the municipality's part: no employer fields.
    expect(await page.getByLabel('Werkgever', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel(/Naam van een nieuwe werkgever/).count()).toBe(0);
    expect(await page.getByLabel('Gemeente', { exact: true }).getAttribute('list')).toBe('gemeenten');
    expect(await page.locator('#gemeenten option[value="Den Haag"]').getAttribute('label')).toBe("gemeente 's-Gravenhage");

    await page.getByLabel('Naam', { exact: true }).fill('Anna de Vries');
    await page.getByLabel('E-mailadres').fill('anna-zonder-apenstaartje');
    await page.getByLabel('Wachtwoord').fill('welkom123');
    await page.getByLabel('Gemeente', { exact: true }).fill('Atlantis');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();

    await visible(page.getByRole('alert'));
    // Focus moved to the error summary by itself (autofocus; no JavaScript runs here).
    expect(await page.evaluate('document.activeElement?.classList.contains("pp-error-summary")')).toBe(true);
    await hasText(page.locator('#veld-email-fout'), /geldig e-mailadres/);
    await hasText(page.locator('#veld-password-fout'), /bekend woord|veel gebruikt/);
    await hasText(page.locator('#veld-municipality-fout'), /"Atlantis" kennen we niet als gemeente of plaats/);
    await hasText(page.getByRole('heading', { level: 1 }), 'Account aanmaken voor een gemeente');
    expect(page.url()).toContain('soort=gemeente');
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Anna de Vries');
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe('anna-zonder-apenstaartje');
    expect(await page.getByLabel('Gemeente', { exact: true }).inputValue()).toBe('Atlantis');
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-describedby')).toContain('veld-email-fout');
    expect(await page.getByLabel('Gemeente', { exact: true }).getAttribute('aria-describedby')).toContain('veld-municipality-fout');

    await registerVia(page, { name: 'Anna de Vries', email: me.email, kind: 'gemeente', organisation: 'Den Haag' });
    await hasText(page.getByRole('heading', { level: 1 }), 'Kijk in uw e-mail');
    const { db } = await serverDatabase();
    const [user] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.email, me.email));
    expect(user?.organisationId).toBe('s-gravenhage');
    await context.close();
  });

  test('een werkgever ziet na de keuze alleen het werkgeversdeel', async () => {
    const me = identity('wim');
    const { context, page } = await noJsPage(me.ip);
    await page.goto('/account/registreren/');
    await page.getByRole('link', { name: /^Bij een werkgever/ }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Account aanmaken voor een werkgever');
    expect(await page.getByLabel('Gemeente', { exact: true }).count()).toBe(0);
    await visible(page.getByLabel('Werkgever', { exact: true }));
    await visible(page.getByLabel(/Naam van een nieuwe werkgever/));
    await context.close();
  });

  test('registreren → bevestigen met de link uit de e-mail → inloggen → uitloggen', async () => {
    const me = identity('bert');
    const { context, page } = await noJsPage(me.ip);
    await registerVia(page, { name: 'Bert Jansen', email: me.email, kind: 'werkgever', organisation: 'PostNL' });
    // Opening the link changes nothing by itself (no state change on GET).
    const link = await linkFromMail(me.email, /Bevestig uw e-mailadres/);
    await page.goto(link);
    await page.goto(link);
    await page.getByRole('button', { name: 'Bevestig mijn e-mailadres' }).click();
    await hasText(page.getByRole('status'), 'Uw e-mailadres is bevestigd.');

    await loginVia(page, me.email);
    await page.waitForURL(/\/account\/$/);
    await hasText(page.getByRole('heading', { level: 1 }), 'Mijn account');
    await visible(page.getByText('Bert Jansen'));
    await visible(page.getByText('PostNL (werkgever)'));

    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await hasText(page.getByRole('status'), 'U bent uitgelogd.');
    await page.goto('/account/');
    await page.waitForURL(/\/account\/inloggen\/\?terug=/);
    await context.close();
  });

  test('een fout wachtwoord geeft één algemene melding, met het e-mailadres behouden', async () => {
    const me = identity('carla');
    const { context, page } = await noJsPage(me.ip);
    await loginVia(page, me.email, 'niet het goede wachtwoord');
    await hasText(page.getByRole('alert'), /e-mailadres of het wachtwoord klopt niet/);
    expect(await page.getByLabel('E-mailadres').inputValue()).toBe(me.email);
    await context.close();
  });

  test('wachtwoord vergeten → link → nieuw wachtwoord → inloggen met het nieuwe', async () => {
    const me = identity('dirk');
    const { context, page } = await noJsPage(me.ip);
    await registerVia(page, { name: 'Dirk de Boer', email: me.email, kind: 'gemeente', organisation: 'Utrecht' });
    await verifyVia(page, me.email);

    await page.goto('/account/wachtwoord-vergeten/');
    await page.getByLabel('E-mailadres').fill(me.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await hasText(page.getByRole('status'), /We hebben een e-mail gestuurd naar dit adres. Heeft het een account op Praktijkplein, dan staat er een link in/);

    const link = await linkFromMail(me.email, /Nieuw wachtwoord/);
    await page.goto(link);
    await page.getByLabel('Nieuw wachtwoord').fill('zomer2026');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await hasText(page.locator('#veld-password-fout'), /bekend woord/);
    await page.getByLabel('Nieuw wachtwoord').fill('een heel ander lang wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await hasText(page.getByRole('status'), /nieuwe wachtwoord is ingesteld/);

    await page.goto(link);
    await visible(page.getByText(/al gebruikt/));
    await loginVia(page, me.email, 'een heel ander lang wachtwoord');
    await page.waitForURL(/\/account\/$/);
    await context.close();
  });

  test('een curator bevestigt een gemeentemedewerker', async () => {
    const curator = identity('curator');
    const member = identity('els');
    const { context, page } = await noJsPage(curator.ip);
    await registerVia(page, { name: 'Cor Curator', email: curator.email, kind: 'werkgever', organisation: 'PostNL' });
    await verifyVia(page, curator.email);
    await setRoleWithCli(curator.email, 'curator');
    await registerVia(page, { name: 'Els Gemeente', email: member.email, kind: 'gemeente', organisation: 'Zaanstad' });
    await verifyVia(page, member.email);

    await signIn(page, curator.email);
    await page.goto('/beheer/');
    const verify = page.getByRole('button', { name: 'Bevestig Els Gemeente' });
    await verify.click();
    await hasText(page.getByRole('status'), /Els Gemeente is bevestigd als medewerker van Zaanstad\./);
    expect(await page.getByRole('button', { name: 'Bevestig Els Gemeente' }).count()).toBe(0);
    expect((await mailsTo(member.email)).map((m) => m.subject)).toContain('Uw lidmaatschap op Praktijkplein is bevestigd');
    await context.close();
  });

  test('mijn gegevens downloaden en daarna mijn account verwijderen', async () => {
    const me = identity('fien');
    const { context, page } = await noJsPage(me.ip);
    await registerVia(page, { name: 'Fien Visser', email: me.email, kind: 'werkgever', newEmployer: 'Fietsenmakerij Fien' });
    await verifyVia(page, me.email);
    await signIn(page, me.email);

    const response = await page.request.get('/account/gegevens.json');
    expect(response.headers()['content-disposition']).toContain('attachment');
    expect(response.headers()['cache-control']).toBe('no-store');
    const data = await response.json();
    expect(data.account.eMailadres).toBe(me.email);
    expect(data.organisatie.naam).toBe('Fietsenmakerij Fien');

    await page.goto('/account/verwijderen/');
    await visible(page.getByText(/nieuwe werkgever Fietsenmakerij Fien die u aanmeldde, is nog niet bevestigd/));
    await page.getByRole('button', { name: 'Account verwijderen' }).click();
    await hasText(page.locator('#bevestig-fout'), /Vink aan/);
    await page.getByLabel('Huidig wachtwoord').fill(goodPassword);
    await page.getByLabel(/Ja, verwijder mijn account/).check();
    await page.getByRole('button', { name: 'Account verwijderen' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Uw account is verwijderd');
    await loginVia(page, me.email);
    await hasText(page.getByRole('alert'), /klopt niet/);
    await context.close();
  });
});
