/**
 * On the built site: a case shows where and when it comes from and the
 * stand van zaken; its source has a page of its own that lists every page citing it; the content
 * fixes show on the pages people read; the new pages have no axe violations and fit a phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, baseURL, hasText, connectBrowser, newPage, openPage, visible } from './browser.ts';
import { citationIndex } from '#features/catalog/citations.ts';
import { loadSourceRecords, sourceHref } from '#features/catalog/sources.ts';
import { isPlan } from '#domain/practice-counts.ts';
import { citingContent, readCases } from '../unit/content-files.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const html = async (path: string) => {
  const response = await fetch(`${baseURL()}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};

describe('herkomst en bronpagina’s', () => {
  test('een praktijkvoorbeeld toont bijeenkomst, datum en stand van zaken; de bron linkt naar een eigen pagina die het voorbeeld noemt', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/facilicom-buitengewoon/');
    const provenance = page.getByRole('region', { name: 'Herkomst en stand van zaken' });
    await visible(provenance.getByRole('link', { name: 'Werkconferentie van werkgevers en gemeenten' }));
    await hasText(provenance, /Uit de bijeenkomst: Werkconferentie van werkgevers en gemeenten, donderdag 21 maart \(jaartal niet genoemd\), te gast bij ProRail\. Verslag van een bijeenkomst\./);
    await hasText(provenance, /Stand van zaken \(verslag van donderdag 21 maart, jaartal niet genoemd\): liep nog\./);
    // The block sits under the title and summary, above the body text.
    const [titleY, blockY, bodyY] = await Promise.all([
      page.getByRole('heading', { level: 1 }).boundingBox(),
      provenance.boundingBox(),
      page.getByRole('heading', { name: 'De situatie' }).boundingBox(),
    ]);
    expect(blockY!.y).toBeGreaterThan(titleY!.y);
    expect(blockY!.y).toBeLessThan(bodyY!.y);

    await page.getByRole('region', { name: 'Bronnen' }).getByRole('link', { name: 'Werkconferentie van werkgevers en gemeenten' }).click();
    await page.waitForURL(/\/bronnen\/werkconferentie-werkgevers-en-gemeenten\/$/);
    await hasText(page.getByRole('heading', { level: 1 }), 'Werkconferentie van werkgevers en gemeenten');
    await visible(page.getByText('Verslag van een bijeenkomst').first());
    const event = page.getByRole('region', { name: 'De bijeenkomst' });
    await hasText(event, /donderdag 21 maart/);
    await hasText(event, /ProRail/);
    await hasText(event, /wethouders van 21 centrumgemeenten/);
    await visible(page.getByRole('region', { name: "Pagina's die op deze bron steunen" }).getByRole('link', { name: /Facilicom en Buitengewoon/ }));
    await page.getByRole('link', { name: 'Alle bronnen' }).click();
    await hasText(page.getByRole('heading', { level: 1 }), 'Bronnen');
    expect(errors).toEqual([]);
    await context.close();
  });

  test.each(loadSourceRecords().map((s) => [sourceHref(s.id), s.id] as const))('%s noemt elke pagina die de bron citeert', async (href, id) => {
    const citing = citationIndex(citingContent()).get(id) ?? [];
    expect(citing.length).toBeGreaterThan(0);
    const page = await html(href);
    for (const citation of citing) expect(page, citation.href).toContain(`href="${citation.href}"`);
  });

  test('een uitspraak van een gemeente op een instrumentpagina linkt naar haar bron', async () => {
    const page = await html('/instrumenten/basisbaan/');
    expect(page).toContain('href="/bronnen/utrecht-verkiezingsprogramma-werk/"');
    const source = await html('/bronnen/utrecht-verkiezingsprogramma-werk/');
    expect(source).toMatch(/href="\/instrumenten\/basisbaan\/"[^]*?uitspraak over Utrecht/);
  });

  test('geen bestandsnamen meer op een praktijkvoorbeeld, wel de bron met soort en datum', async () => {
    const page = await html('/praktijkvoorbeelden/postnl-pakketsorteercentra/');
    expect(page).not.toContain('Bestand:');
    expect(page).toContain('href="/bronnen/werkconferentie-werkgevers-en-gemeenten/"');
    expect(page).toContain('liep nog; 70 van de ongeveer 80 beoogde mensen waren aan het werk');
  });

  test.each(['/bronnen/', '/bronnen/werkconferentie-werkgevers-en-gemeenten/', '/bronnen/nijmegen-groenlinks-programma-werk/'])('%s heeft geen axe-overtredingen en past op 320 px', async (path) => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('inhoud volgens de bronnen, op de pagina’s zelf', () => {
  test('ISS staat niet onder de sector Overheid', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/iss-de-liemers-breed-offensief/');
    const aside = page.getByRole('complementary');
    await visible(aside.getByText('Sectoren'));
    expect(await aside.getByRole('link', { name: /Overheid/ }).count()).toBe(0);
    await page.goto('/praktijkvoorbeelden/?sector=overheid');
    expect(await page.locator('a[href="/praktijkvoorbeelden/iss-de-liemers-breed-offensief/"]').count()).toBe(0);
    await context.close();
  });

  test('Asito en de Universiteit Utrecht zijn niet gekoppeld aan sociaal inkopen, Facilicom niet aan omscholing', async () => {
    expect(await html('/instrumenten/sociaal-inkopen/')).not.toMatch(/asito/i);
    expect(await html('/organisaties/asito/')).not.toContain('href="/instrumenten/sociaal-inkopen/"');
    expect(await html('/organisaties/universiteit-utrecht/')).not.toContain('href="/instrumenten/sociaal-inkopen/"');
    expect(await html('/instrumenten/omscholing/')).not.toMatch(/facilicom/i);
    expect(await html('/organisaties/facilicom/')).not.toContain('href="/instrumenten/omscholing/"');
  });

  test('Zwolle’s regelluwe werken heet een pitch, geen gedeelde praktijkervaring', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/praktijkvoorbeelden/zwolle-regelluw-werken/');
    await visible(page.locator('.pp-badge--pitch').first());
    // The page itself; related cases below it carry their own labels.
    expect(await page.locator('article').getByText('Gedeelde praktijkervaring').count()).toBe(0);
    await page.goto('/instrumenten/jobcoaching-loonwaarde/');
    const zwolle = page.getByRole('row', { name: /Zwolle/ });
    await visible(zwolle.locator('.pp-badge--pitch'));
    expect(await zwolle.getByText('Gedeelde praktijkervaring').count()).toBe(0);
    await context.close();
  });

  test('het Jongerenpact: de kop zegt dat de partij het bereikt noemt, niet dat het een voorstel is', async () => {
    const page = await html('/praktijkvoorbeelden/nijmegen-jongerenpact/');
    expect(page).toMatch(/Stand van zaken \(verkiezingsprogramma, datum onbekend\):<\/strong> GroenLinks noemt het Jongerenpact bereikt; geen andere bron bevestigt dat/);
    expect(page).not.toContain('een voorstel; of het is uitgevoerd, staat niet in de bron');
    expect(page).toContain('Status: Bereikt volgens de partij');
    // The evidence badge beside it does not contradict it ("Uitgesproken ambitie" did).
    expect(page).toMatch(/>Bewering van de partij<\/span>\s*<span class="utrecht-badge-status">Status: Bereikt volgens de partij/);
  });

  test('een bronpagina noemt wat de site bewust weglaat, en waarom', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 390, height: 844 }, mobile: true });
    await page.goto('/bronnen/utrecht-verkiezingsprogramma-werk/');
    const leftOut = page.getByRole('region', { name: 'Wat we uit deze bron niet gebruiken' });
    await hasText(leftOut, /Sekswerk: [^.]*\. Dat gaat niet over de samenwerking van gemeenten en werkgevers aan inclusief werk/);
    await hasText(leftOut, /Werk- en studieplekken in de stad:/);
    await context.close();
  });

  // The programme-only cases: on a phone, the first screen says the page rests on a party's programme.
  const programmes = new Set(loadSourceRecords().filter((s) => s.kind === 'verkiezingsprogramma').map((s) => s.id));
  const programmeCases = readCases().filter((c) => c.data.sources.length > 0 && c.data.sources.every((s) => programmes.has(s))).map((c) => c.id);

  test('op een telefoon zegt het eerste scherm van elk programma-voorbeeld dat het om een verkiezingsprogramma gaat', async () => {
    const { context, page } = await openPage(browser, { viewport: { width: 390, height: 844 }, mobile: true });
    for (const id of programmeCases) {
      await page.goto(`/praktijkvoorbeelden/${id}/`);
      const note = page.getByRole('region', { name: 'Herkomst en stand van zaken' }).getByText('Verkiezingsprogramma van een politieke partij');
      const box = await note.boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(844);
      await visible(page.getByRole('region', { name: 'Bronnen' }));
    }
    await context.close();
  });

  test('programma-uitspraken over UW en De Binnenbaan staan er als programma', async () => {
    expect(await html('/organisaties/uw/')).toMatch(/Volgens het verkiezingsprogramma voor Utrecht/);
    expect(await html('/organisaties/de-binnenbaan/')).toMatch(/Volgens het verkiezingsprogramma van de PvdA in Zoetermeer/);
    expect(await html('/organisaties/de-binnenbaan/')).toContain('href="/bronnen/zoetermeer-pvda-programma-2022-2026-werk/"');
  });

  test('een praktijkvoorbeeld zet verwante plannen onder een eigen kop; de startpagina telt praktijk en plannen apart', async () => {
    const plans = readCases().filter((c) => isPlan(c.data)).map((c) => `/praktijkvoorbeelden/${c.id}/`);
    const page = await html('/praktijkvoorbeelden/facilicom-buitengewoon/');
    const section = (id: string) => page.match(new RegExp(`<section[^>]*aria-labelledby="${id}"[\\s\\S]*?</section>`))?.[0] ?? '';
    const related = section('verwant');
    for (const href of plans) expect(related, href).not.toContain(`href="${href}"`);
    expect(section('verwante-plannen')).toContain('Verwante plannen');
    expect(plans.some((href) => section('verwante-plannen').includes(`href="${href}"`))).toBe(true);
    expect(await html('/')).toMatch(/Bekijk en filter alle pagina’s: \d+ praktijkvoorbeelden, \d+ plannen/);
  });
});
