/**
 * Stands in for Astro's image endpoint (`/_image`), which the Node adapter always adds: the site
 * uses no `astro:assets` images, so resizing arbitrary images on request is only attack surface
 *. Every request to it is answered 404.
 */
import type { APIRoute } from 'astro';

/** Any method: there is nothing here. */
export const ALL: APIRoute = () =>
  new Response('Deze pagina bestaat niet.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
