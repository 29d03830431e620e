/** A municipality's page shows its published pitches; an unknown organisation is a 404. */
import { describe, expect, test } from 'vitest';
import { baseURL, connectBrowser, noJsPageFrom } from './browser.ts';
import { identity, registerVia, verifyVia } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';

describe('pitches op de pagina van de gemeente', () => {
  test('de gepubliceerde pitch staat op de pagina van zijn gemeente, niet op die van een andere', async () => {
    const browser = await connectBrowser();
    try {
      const member = identity('zoetermeer');
      const { page } = await noJsPageFrom(browser, member.ip);
      await registerVia(page, { name: 'Zoë Zoetermeer', email: member.email, kind: 'gemeente', organisation: 'Zoetermeer' });
      await verifyVia(page, member.email);
      const title = `Bedrijfsschool ${Date.now().toString(36)}`;
      await publishedPitch(member.email, title);
      const own = await (await fetch(`${baseURL()}/organisaties/zoetermeer/`)).text();
      expect(own).toContain('Pitches van Zoetermeer');
      expect(own).toContain(title);
      const other = await (await fetch(`${baseURL()}/organisaties/zaanstad/`)).text();
      expect(other).not.toContain(title);
      expect((await fetch(`${baseURL()}/organisaties/bestaat-niet/`)).status).toBe(404);
    } finally {
      await browser.close();
    }
  });
});
