/** A municipality's page shows its published pitches; an unknown organisation is a 404. */
import { describe, expect, test } from 'vitest';
import { baseURL } from './browser.ts';
import { identity } from './accounts-support.ts';
import { publishedPitch } from './offers-support.ts';
import { confirmedAccount } from './session-support.ts';

describe('pitches op de pagina van de gemeente', () => {
  test('de gepubliceerde pitch staat op de pagina van zijn gemeente, niet op die van een andere', async () => {
    const member = identity('zoetermeer');
    await confirmedAccount({ name: 'Zoë Zoetermeer', email: member.email, organisation: 'Zoetermeer' });
    const title = `Bedrijfsschool ${Date.now().toString(36)}`;
    await publishedPitch(member.email, title);
    const own = await (await fetch(`${baseURL()}/organisaties/zoetermeer/`)).text();
    expect(own).toContain('Pitches van Zoetermeer');
    expect(own).toContain(title);
    const other = await (await fetch(`${baseURL()}/organisaties/zaanstad/`)).text();
    expect(other).not.toContain(title);
    expect((await fetch(`${baseURL()}/organisaties/bestaat-niet/`)).status).toBe(404);
  });
});
