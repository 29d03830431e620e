/**
 * The live screen's QR code, drawn on the server as an SVG string with
 * `qrcode` (node-qrcode): no script, no image request, nothing the Content-Security-Policy has
 * to allow. Error correction M (15 %) keeps the modules large enough to scan from the back of
 * a room; the quiet zone of 4 modules is what scanners expect.
 */
import QRCode from 'qrcode';

/** An `<svg>` element (black on white) that encodes `url`, sized by its container. */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  // The library writes no role or size: the page's figure names it, CSS sizes it.
  return svg.replace('<svg ', '<svg aria-hidden="true" class="pp-qr__code" ');
}

/** The "Ik doe mee" page of a pitch on the public site, for the QR code and the short address under it. */
export function offerUrl(siteUrl: string, pitchId: string): { href: string; short: string } {
  const href = new URL(`/pitches/${encodeURIComponent(pitchId)}/meedoen/`, siteUrl).href;
  return { href, short: href.replace(/^https?:\/\//, '').replace(/\/$/, '') };
}

/**
 * The session's short room address (/l/<room code>, src/features/live/live-codes.ts), for the QR
 * code and to type under it: short enough for large QR modules and for a thumb.
 */
export function roomUrl(siteUrl: string, code: string): { href: string; short: string } {
  const href = new URL(`/l/${encodeURIComponent(code)}`, siteUrl).href;
  return { href, short: href.replace(/^https?:\/\//, '') };
}
