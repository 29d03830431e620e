/**
 * E-mail services anyone can sign up to. Such a domain belongs to no organisation, so it can
 * never be an organisation's own domain (which verifies members automatically).
 */

/** Free-mail and consumer-ISP domains common in the Netherlands and beyond. */
export const freeMailDomains: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'outlook.nl', 'live.com', 'live.nl', 'msn.com',
  'yahoo.com', 'yahoo.nl', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.com', 'gmx.net', 'gmx.de',
  'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'tuta.io', 'mail.com', 'zoho.com', 'yandex.com', 'fastmail.com',
  'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'planet.nl', 'home.nl', 'hetnet.nl', 'chello.nl', 'casema.nl', 'upcmail.nl',
  'xs4all.nl', 'tele2.nl', 'online.nl', 'quicknet.nl', 'zeelandnet.nl', 'telfort.nl', 'caiway.nl', 'solcon.nl', 'onsbrabantnet.nl',
  'telenet.be', 'skynet.be', 'hotmail.be', 'outlook.be',
]);

/** True for a free-mail domain or any subdomain of one ("eu.gmail.com" too). */
export function isFreeMailDomain(domain: string): boolean {
  const value = domain.trim().toLowerCase().replace(/\.$/, '');
  for (let d = value; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
    if (freeMailDomains.has(d)) return true;
  }
  return false;
}
