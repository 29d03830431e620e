/**
 * The whole Poelenbrug story as people play it, once without JavaScript and
 * once with it, each person in their own browser: a Zaanstad member pitches; a curator asks
 * for a change and then publishes; a new employer presses "Ik doe mee" and registers in the
 * same form; a second employer offers; the owner shortlists and accepts the first and
 * declines the second; both employers find the outcome in Mijn aanbod and in their e-mail;
 * the owner closes the pitch as matched.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasText, connectBrowser, pageFrom, visible } from './browser.ts';
import { goodPassword, identity, mailsTo, registerVia, verifyVia } from './accounts-support.ts';
import { verifyMembership } from './offers-support.ts';
import { dayFromNow, fillPitch, pitchPeople } from './pitch-support.ts';
import { signIn } from './session-support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const subjects = async (address: string) => (await mailsTo(address)).map((m) => m.subject);

async function playPoelenbrug(javaScript: boolean) {
  const tag = `${javaScript ? 'js' : 'nojs'}${Date.now().toString(36)}`;
  const title = `Poelenbrug: wie biedt? ${tag}`;

  // 1. A verified Zaanstad member writes the pitch and submits it.
  const { page: owner, desk, author } = await pitchPeople(browser, `story-${javaScript ? 'js' : 'nojs'}`, javaScript);
  await owner.goto('/pitches/nieuw/');
  await fillPitch(owner, title, dayFromNow(45));
  await owner.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
  await owner.waitForURL(/\/pitches\/[a-z0-9-]+\/voorbeeld\/$/);
  const pitchPath = new URL(owner.url()).pathname.replace(/voorbeeld\/$/, '');
  await owner.getByRole('button', { name: 'Pitch indienen' }).click();
  await owner.waitForURL(/melding=pitch-ingediend/);

  // 2. The curator asks for a change; the owner fixes it and submits again; the curator publishes.
  await desk.goto('/beheer/pitches/');
  const item = desk.locator('.pp-queue__item', { hasText: title });
  await item.getByLabel('Opmerking of reden voor de indiener').fill('Schrijf erbij wanneer het werk begint.');
  await item.getByRole('button', { name: 'Vraag een wijziging' }).click();
  await hasText(desk.getByRole('status'), /teruggestuurd/);
  await owner.goto('/account/mijn-pitches/');
  await owner.getByRole('link', { name: `Pas "${title}" aan` }).click();
  await owner.getByLabel('Wat vraagt u van werkgevers?').fill('Banen in de wijk vanaf het voorjaar, met begeleiding op de werkvloer.');
  await owner.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
  await owner.waitForURL(/\/voorbeeld\/$/);
  await owner.getByRole('button', { name: 'Pitch indienen' }).click();
  await owner.waitForURL(/melding=pitch-ingediend/);
  await desk.goto('/beheer/pitches/');
  await desk.getByRole('button', { name: `Publiceer “${title}”` }).click();
  await hasText(desk.getByRole('status'), /gepubliceerd/);

  // 3. A new employer presses "Ik doe mee" on the public page and registers in the same form.
  const fenna = identity(`fenna-${tag}`);
  const company = `Fietsen Fenna ${tag}`;
  const first = await pageFrom(browser, fenna.ip, javaScript);
  await first.page.goto(pitchPath);
  await first.page.getByRole('link', { name: 'Ik doe mee' }).click();
  await first.page.getByLabel('Banen').check();
  await first.page.getByLabel('Aantal plaatsen').fill('2');
  await first.page.getByLabel(/Bericht aan de gemeente/).fill('Twee plekken in onze werkplaats.');
  await first.page.getByLabel('Uw naam').fill('Fenna Fiets');
  await first.page.getByLabel('E-mailadres').fill(fenna.email);
  await first.page.getByLabel('Wachtwoord').fill(goodPassword);
  await first.page.getByLabel('Naam van een nieuwe werkgever').fill(company);
  await first.page.getByRole('button', { name: 'Account maken en aanbod versturen' }).click();
  await visible(first.page.getByRole('heading', { name: 'Kijk in uw e-mail' }));
  await verifyVia(first.page, fenna.email);
  await desk.goto('/beheer/');
  await desk.getByRole('button', { name: `Bevestig ${company} en Fenna Fiets` }).click();
  await hasText(desk.getByRole('status'), /is bevestigd als werkgever, en daarmee Fenna Fiets/);

  // 4. A second, existing employer offers too.
  const bert = identity(`bert-${tag}`);
  const second = await pageFrom(browser, bert.ip, javaScript);
  await registerVia(second.page, { name: 'Bert Bezorger', email: bert.email, kind: 'werkgever', organisation: 'PostNL' });
  await verifyVia(second.page, bert.email);
  await verifyMembership(bert.email);
  await signIn(second.page, bert.email);
  await second.page.goto(`${pitchPath}meedoen/`);
  await second.page.getByLabel('Werkervaringsplaatsen').check();
  await second.page.getByLabel(/Bericht aan de gemeente/).fill('Drie werkervaringsplaatsen in het sorteercentrum.');
  await second.page.getByRole('button', { name: 'Aanbod versturen' }).click();
  await second.page.waitForURL(/mijn-aanbod/);

  // The public page counts both, without their messages.
  const visitor = await pageFrom(browser, identity(`bezoeker-${tag}`).ip, javaScript);
  await visitor.page.goto(pitchPath);
  await visible(visitor.page.getByText(/2 werkgevers doen mee/));
  expect(await visitor.page.getByText('Drie werkervaringsplaatsen in het sorteercentrum.').count()).toBe(0);

  // 5. The owner shortlists and accepts Fenna, and declines PostNL with a message.
  await owner.goto(`${pitchPath}aanbod/`);
  await owner.getByRole('button', { name: new RegExp(`^In overweging nemen\\s*:\\s*${company}$`) }).click();
  await hasText(owner.getByRole('status'), /antwoord is opgeslagen/);
  await owner.getByLabel(`Bericht aan ${company}`).fill('Welkom! We bellen u deze week.');
  await owner.getByRole('button', { name: new RegExp(`^Accepteren\\s*:\\s*${company}$`) }).click();
  await hasText(owner.getByRole('status'), /antwoord is opgeslagen/);
  await owner.getByLabel('Bericht aan PostNL').fill('Dank u, we hebben nu genoeg plekken.');
  await owner.getByRole('button', { name: /^Afwijzen\s*:\s*PostNL$/ }).click();
  await hasText(owner.getByRole('status'), /antwoord is opgeslagen/);

  // 6. Both employers find the outcome in Mijn aanbod and in their e-mail.
  await signIn(first.page, fenna.email);
  await first.page.goto('/account/mijn-aanbod/');
  await visible(first.page.getByText('geaccepteerd', { exact: true }));
  await visible(first.page.getByText('Welkom! We bellen u deze week.'));
  await second.page.goto('/account/mijn-aanbod/');
  await visible(second.page.getByText('afgewezen', { exact: true }));
  await visible(second.page.getByText('Dank u, we hebben nu genoeg plekken.'));
  expect(await subjects(fenna.email)).toContain(`Uw aanbod is geaccepteerd: ${title}`);
  expect((await subjects(bert.email)).some((subject) => subject.includes(title) && /afgewezen/i.test(subject))).toBe(true);

  // 7. The owner closes the pitch as matched; the public page says so.
  await owner.getByLabel('gelukt', { exact: true }).check();
  await owner.getByLabel('Aantal geplaatste mensen').fill('2');
  await owner.getByRole('button', { name: 'Pitch sluiten' }).click();
  await hasText(owner.getByRole('status'), /De pitch is gesloten/);
  await visitor.page.goto(pitchPath);
  await visible(visitor.page.getByText(/gesloten/i).first());
  expect(await visitor.page.getByRole('link', { name: 'Ik doe mee' }).count()).toBe(0);
  expect(await subjects(author.email)).toContain(`Uw pitch staat online: ${title}`);

  for (const context of [first.context, second.context, visitor.context]) await context.close();
  await owner.context().close();
  await desk.context().close();
}

describe('het Poelenbrug-verhaal', () => {
  test('zonder JavaScript', async () => {
    await playPoelenbrug(false);
  });

  test('met JavaScript', async () => {
    await playPoelenbrug(true);
  });
});
