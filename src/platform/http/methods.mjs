/**
 * Which HTTP methods each URL answers, decided before Astro sees a request.
 * Prerendered pages and other files in dist/client answer GET and HEAD; on-demand routes
 * answer what dist/server/route-methods.json lists (written by src/integrations/route-methods.ts).
 * Everything else gets 405 with an `Allow` header, so no method reaches Astro that it would
 * answer with a rendered page (PUT, DELETE, PATCH), a 404 (POST to a file) or a crash (TRACE).
 * OPTIONS is offered only where a route exports it (the open-data API, for CORS preflights);
 * elsewhere it gets 405 like any other method outside the list, so the `Allow` header means the
 * same on every answer.
 * Plain JavaScript because server.mjs loads it directly, outside the Astro build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Methods the server understands at all; anything else (TRACE, CONNECT, PROPFIND …) is refused everywhere. */
export const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** What a file (a prerendered page, feed or asset) allows. */
export const STATIC_ALLOW = ['GET', 'HEAD'];

/**
 * URL paths that sirv serves from a directory, as sirv looks them up with `extensions: ['html']`:
 * `/a/b.css`, `/over/` and `/over` for over/index.html, `/404` for 404.html.
 * @param {string} clientDir
 */
export function staticPaths(clientDir) {
  const paths = new Set();
  for (const entry of readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = '/' + relative(clientDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    paths.add(file);
    if (file.endsWith('/index.html')) {
      const dir = file.slice(0, -'index.html'.length);
      paths.add(dir);
      if (dir !== '/') paths.add(dir.slice(0, -1));
    } else if (file.endsWith('.html')) {
      paths.add(file.slice(0, -'.html'.length));
    }
  }
  return paths;
}

/**
 * @typedef {{ kind: 'static' | 'on-demand', allow: string[] }} Resource
 * @typedef {{ pattern: string, route: string, allow: string[] }} RouteMethods
 */

/**
 * The lookup server.mjs uses: `resourceAt(pathname)` gives what a URL is and what it allows,
 * or null for a URL neither a file nor a listed route (Astro then answers, usually 404).
 * @param {{ clientDir: string, routesFile: string }} options
 */
export function createMethodTable({ clientDir, routesFile }) {
  const files = staticPaths(clientDir);
  /** @type {RouteMethods[]} */
  const listed = existsSync(routesFile) ? JSON.parse(readFileSync(routesFile, 'utf8')) : [];
  const routes = listed.map((route) => ({ regex: new RegExp(route.pattern), allow: route.allow }));
  return {
    /** Whether the build listed its on-demand routes (a build before this module had none). */
    complete: existsSync(routesFile),
    /** @param {string} pathname @returns {Resource | null} */
    resourceAt(pathname) {
      let decoded = pathname;
      try {
        decoded = decodeURI(pathname);
      } catch {
        // A malformed escape is looked up as written, as sirv does.
      }
      if (files.has(decoded) || files.has(pathname)) return { kind: 'static', allow: STATIC_ALLOW };
      const route = routes.find(({ regex }) => regex.test(pathname) || regex.test(decoded));
      return route ? { kind: 'on-demand', allow: route.allow } : null;
    },
  };
}

/**
 * The method check: null when the request may go on, otherwise the `Allow` list to refuse with.
 * An unknown method is refused on every URL; a known one only where the resource lacks it.
 * @param {string} method @param {Resource | null} resource
 * @returns {string[] | null}
 */
export function refusedMethod(method, resource) {
  if (!KNOWN_METHODS.has(method)) return resource?.allow ?? STATIC_ALLOW;
  if (!resource) return null;
  return resource.allow.includes(method) ? null : resource.allow;
}
