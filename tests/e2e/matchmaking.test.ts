/**
 * Matchmaking as people do it, without JavaScript: an employer turns invitations on in its
 * profile; the pitch's owner opens "Werkgevers die hierbij passen", sees the employers that fit
 * with their reasons (one that did not allow invitations is not named), and invites two; one
 * answers "Ik doe mee" from the mail (the offer form comes filled in), the other "Nee, dank u"
 * without logging in and adds a reason; the owner sees both answers. axe (with JavaScript, where
 * it works) finds nothing on every new page and state, errors included; nobody else gets the
 * suggestions page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { employerProfiles } from '#db/matchmaking-schema.ts';
import { pitchFacets } from '#db/marketplace-schema.ts';
import { organisations, outbox } from '#db/schema.ts';
import { baseURL, connectBrowser, hasText, noJsPageFrom, noViolationsAtBothSizes, openPage, visible } from './browser.ts';
import { identity, serverDatabase } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount, signIn } from './session-support.ts';

let browser: Browser;
const stamp = Date.now().toString(36);
const employers = {
  bakery: { id: `bakkerij-koek-${stamp}`, name: `Bakkerij Koek ${stamp}` },
  print: { id: `drukkerij-inkt-${stamp}`, name: `Drukkerij Inkt ${stamp}` },
  garage: { id: `garage-olie-${stamp}`, name: `Garage Olie ${stamp}` },
};
const owner = identity('match-eigenaar');
const anna = identity('match-bakkerij');
const bert = identity('match-drukkerij');
const cees = identity('match-garage');
const title = `Jongeren in de logistiek ${stamp}`;
let pitchId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const { db } = await serverDatabase();
  const now = Date.now();
  await db.insert(organisations).values(Object.values(employers).map((e) => ({ ...e, kind: 'employer' as const, verifiedAt: now, createdAt: now })));
  await confirmedAccount({ name: 'Olga Eigenaar', email: owner.email, organisation: 'Zaanstad' });
  await confirmedAccount({ name: 'Anna Bakker', email: anna.email, organisation: employers.bakery.name });
  await confirmedAccount({ name: 'Bert Drukker', email: bert.email, organisation: employers.print.name });
  await confirmedAccount({ name: 'Cees Monteur', email: cees.email, organisation: employers.garage.name });
  pitchId = await publishedPitch(owner.email, title);
  await db.insert(pitchFacets).values([
    { pitchId, facet: 'target-group', value: 'jongeren' },
    { pitchId, facet: 'sector', value: 'logistiek' },
    { pitchId, facet: 'help-kind', value: 'werkervaringsplaatsen' },
  ]);
  // The print shop said yes before; the garage fits as well but never turned invitations on.
  const profile = { sectors: ['logistiek'], regions: ['zaanstreek-waterland'], provinces: [], helpKinds: ['werkervaringsplaatsen'], updatedAt: now };
  await db.insert(employerProfiles).values([
    { organisationId: employers.print.id, ...profile, allowsInvitations: true },
    { organisationId: employers.garage.id, ...profile, allowsInvitations: false },
  ]);
});
afterAll(async () => {
  await browser?.close();
});

/** A signed-in page with JavaScript on (axe needs it), from its own address. */
async function axePage(email: string | null, ip: string): Promise<Page> {
  const { page } = await openPage(browser, { ip });
  if (email) await signIn(page, email);
  return page;
}

/** The newest invitation mail to an address, and its two links (as paths). */
async function invitationMail(address: string) {
  const { db } = await serverDatabase();
  for (let i = 0; i < 50; i++) {
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.toAddress, address), like(outbox.subject, 'Uitnodiging%')));
    if (mail) {
      const path = (pattern: RegExp) => new URL(mail.body.match(pattern)![0]).pathname + new URL(mail.body.match(pattern)![0]).search;
      return { mail, join: path(/https?:\/\/\S+\/meedoen\/\?uitnodiging=\S+/), decline: path(/https?:\/\/\S+\/uitnodiging\/\?t=\S+/) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Geen uitnodiging aan ${address}`);
}

describe('werkgevers die passen, uitnodigen en antwoorden', () => {
  test('het hele verhaal zonder JavaScript, met axe op elke nieuwe pagina', { timeout: 180_000 }, async () => {
    // 1. Anna turns invitations on in her bakery's profile.
    const annaCheck = await axePage(anna.email, anna.ip);
    await annaCheck.goto('/account/werkgeversprofiel/');
    await noViolationsAtBothSizes(annaCheck, 'matchmaking-profiel-leeg');
    const { page: annaPage } = await noJsPageFrom(browser, anna.ip);
    await signIn(annaPage, anna.email);
    await annaPage.getByRole('link', { name: 'Werkgeversprofiel' }).click();
    expect(await annaPage.getByLabel('Wij willen uitgenodigd worden voor pitches die bij ons passen').isChecked()).toBe(false);
    await annaPage.getByLabel('Wij willen uitgenodigd worden voor pitches die bij ons passen').check();
    await annaPage.getByLabel('Logistiek').check();
    await annaPage.getByLabel('Werkervaringsplaatsen').check();
    await annaPage.getByText(/Arbeidsmarktregio’s \(0 gekozen\)/).click();
    await annaPage.getByLabel('Zaanstreek/Waterland').check();
    await annaPage.getByRole('button', { name: 'Profiel opslaan' }).click();
    await hasText(annaPage.getByRole('status'), /Gemeenten kunnen uw organisatie nu uitnodigen/);
    expect(await annaPage.getByLabel('Zaanstreek/Waterland').isChecked()).toBe(true);
    await annaCheck.reload();
    await noViolationsAtBothSizes(annaCheck, 'matchmaking-profiel-opgeslagen');

    // 2. The owner finds the employers that fit, from the pitch page.
    const { page: ownerPage } = await noJsPageFrom(browser, owner.ip);
    await signIn(ownerPage, owner.email);
    await ownerPage.goto(`/pitches/${pitchId}/`);
    await ownerPage.getByRole('link', { name: 'Werkgevers die hierbij passen' }).click();
    await visible(ownerPage.getByRole('heading', { name: 'Werkgevers die hierbij passen' }));
    const suggestions = ownerPage.locator('.pp-suggestions > li');
    const bakeryCard = suggestions.filter({ hasText: employers.bakery.name });
    const printCard = suggestions.filter({ hasText: employers.print.name });
    await hasText(bakeryCard.getByRole('listitem').first(), 'werkt in de logistiek');
    expect(await bakeryCard.getByRole('listitem').allInnerTexts()).toEqual(['werkt in de logistiek', 'werkt in de regio Zaanstreek/Waterland', 'kan werkervaringsplaatsen bieden']);
    await visible(printCard);
    // The garage fits too, but is never named: at most a count.
    expect(await ownerPage.getByRole('main').innerText()).not.toContain(employers.garage.name);
    await hasText(ownerPage.locator('[data-hidden-employers]'), /^En \d+ werkgevers? die ook (past|passen), maar uitnodigingen via Praktijkplein niet (heeft|hebben) aangezet\.$/);
    const ownerCheck = await axePage(owner.email, owner.ip);
    await ownerCheck.goto(`/pitches/${pitchId}/werkgevers/`);
    await noViolationsAtBothSizes(ownerCheck, 'matchmaking-voorstellen');

    // A note that is too long is refused at its field, and kept (checked with axe on that state).
    await ownerCheck.getByLabel(`Persoonlijk bericht aan ${employers.bakery.name}`).fill('Te lang. '.repeat(120));
    await ownerCheck.getByRole('button', { name: `Uitnodigen ${employers.bakery.name}` }).click();
    await hasText(ownerCheck.locator('.pp-error-summary'), /hoogstens 1000 tekens/);
    expect(await ownerCheck.getByLabel(`Persoonlijk bericht aan ${employers.bakery.name}`).inputValue()).toBe('Te lang. '.repeat(120));
    await noViolationsAtBothSizes(ownerCheck, 'matchmaking-voorstellen-fout');

    // 3. Two invitations, one with a note.
    await bakeryCard.getByLabel(/Persoonlijk bericht/).fill('Beste Anna, doet uw bakkerij mee? Wij zoeken plekken voor jongeren.');
    await bakeryCard.getByRole('button', { name: /^Uitnodigen/ }).click();
    await hasText(ownerPage.getByRole('status'), /De uitnodiging is verstuurd/);
    await ownerPage.locator('.pp-suggestions > li', { hasText: employers.print.name }).getByRole('button', { name: /^Uitnodigen/ }).click();
    await hasText(ownerPage.getByRole('status'), /De uitnodiging is verstuurd/);
    const invitations = ownerPage.locator('.pp-invitations > li');
    await hasText(invitations.filter({ hasText: employers.bakery.name }).locator('.pp-invitation-state'), 'uitgenodigd');
    await hasText(invitations.filter({ hasText: employers.print.name }).locator('.pp-invitation-state'), 'uitgenodigd');
    await ownerCheck.goto(`/pitches/${pitchId}/werkgevers/`);
    await noViolationsAtBothSizes(ownerCheck, 'matchmaking-uitgenodigd');

    // 4. Anna answers "Ik doe mee" from her mail: the form is filled in from the invitation.
    const toAnna = await invitationMail(anna.email);
    expect(toAnna.mail.body).toContain('> Beste Anna, doet uw bakkerij mee?');
    // Not signed in (another browser): first the login page, which brings her back to the link.
    const loggedOut = await fetch(`${baseURL()}${toAnna.join}`, { redirect: 'manual', headers: { 'x-forwarded-for': anna.ip } });
    expect(loggedOut.status).toBe(303);
    expect(loggedOut.headers.get('location')).toBe(`/account/inloggen/?terug=${encodeURIComponent(toAnna.join)}`);
    await annaPage.goto(toAnna.join);
    await visible(annaPage.locator('[data-invitation]'));
    await hasText(annaPage.locator('[data-invitation] h2'), `Gemeente Zaanstad nodigde ${employers.bakery.name} uit`);
    expect(await annaPage.getByLabel('Werkervaringsplaatsen').isChecked()).toBe(true);
    expect(await annaPage.getByLabel('Banen').isChecked()).toBe(false);
    await annaCheck.goto(toAnna.join);
    await noViolationsAtBothSizes(annaCheck, 'matchmaking-meedoen-uitnodiging');
    await annaPage.getByLabel('Aantal plaatsen').fill('2');
    await annaPage.getByRole('button', { name: 'Aanbod versturen' }).click();
    await annaPage.waitForURL(/mijn-aanbod/);

    // 5. Bert declines from his mail without logging in, then gives a reason (too long first).
    const toBert = await invitationMail(bert.email);
    const { page: bertPage } = await noJsPageFrom(browser, bert.ip);
    await bertPage.goto(toBert.decline);
    await visible(bertPage.getByRole('heading', { name: 'Doet u niet mee?' }));
    const bertCheck = await axePage(null, bert.ip);
    await bertCheck.goto(toBert.decline);
    await noViolationsAtBothSizes(bertCheck, 'matchmaking-nee-dank-u');
    await bertPage.getByRole('button', { name: 'Nee, dank u' }).click();
    await hasText(bertPage.getByRole('status'), /U heeft de uitnodiging afgeslagen/);
    await bertCheck.goto(toBert.decline);
    await noViolationsAtBothSizes(bertCheck, 'matchmaking-afgeslagen');
    await bertCheck.getByLabel(/Waarom doet u niet mee/).fill('x'.repeat(501));
    await bertCheck.getByRole('button', { name: 'Reden versturen' }).click();
    await hasText(bertCheck.locator('.pp-error-summary'), /hoogstens 500 tekens/);
    expect(await bertCheck.getByLabel(/Waarom doet u niet mee/).inputValue()).toBe('x'.repeat(501));
    await noViolationsAtBothSizes(bertCheck, 'matchmaking-reden-fout');
    await bertPage.getByLabel(/Waarom doet u niet mee/).fill('Wij hebben dit jaar geen plek voor jongeren.');
    await bertPage.getByRole('button', { name: 'Reden versturen' }).click();
    await hasText(bertPage.getByRole('status'), /De gemeente ziet uw reden/);

    // 6. The owner sees both answers.
    await ownerPage.goto(`/pitches/${pitchId}/werkgevers/`);
    await hasText(invitations.filter({ hasText: employers.bakery.name }).locator('.pp-invitation-state'), 'doet mee');
    const printLine = invitations.filter({ hasText: employers.print.name });
    await hasText(printLine.locator('.pp-invitation-state'), 'doet niet mee');
    expect(await printLine.innerText()).toContain('Reden: Wij hebben dit jaar geen plek voor jongeren.');
    await ownerCheck.goto(`/pitches/${pitchId}/werkgevers/`);
    await noViolationsAtBothSizes(ownerCheck, 'matchmaking-antwoorden');
  });

  test('niemand anders ziet de voorstellen: bezoeker, werkgever en een andere gemeente krijgen "niet gevonden"', async () => {
    const other = identity('match-elders');
    await confirmedAccount({ name: 'Egbert Elders', email: other.email, organisation: 'Utrecht' });
    for (const who of [null, anna, other]) {
      const { page } = await noJsPageFrom(browser, (who ?? identity('match-bezoeker')).ip);
      if (who) await signIn(page, who.email);
      const response = await page.goto(`/pitches/${pitchId}/werkgevers/`);
      expect(response!.status()).toBe(404);
      expect(await page.content()).not.toContain(employers.print.name);
      await page.goto(`/pitches/${pitchId}/`);
      expect(await page.getByRole('link', { name: 'Werkgevers die hierbij passen' }).count()).toBe(0);
    }
    // A link from an invitation that does not work (cut off in the mail) says so, in plain words.
    const broken = await axePage(null, identity('match-kapot').ip);
    const response = await broken.goto('/uitnodiging/?t=kapot');
    expect(response!.status()).toBe(400);
    await visible(broken.getByRole('heading', { name: 'Deze link werkt niet' }));
    await noViolationsAtBothSizes(broken, 'matchmaking-kapotte-link');
  });
});
