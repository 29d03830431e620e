/**
 * Writes dist/server/route-methods.json after each build: for every on-demand route of the
 * project, its URL pattern and the HTTP methods it answers. server.mjs reads it to answer
 * other methods with 405 and an `Allow` header before Astro sees the request,
 * so the list follows the pages by itself instead of a table someone must keep in step.
 *   - a page allows GET and HEAD, and POST when it hosts a form (it imports `astro:actions`)
 *     or answers a POST itself (it checks `Astro.request.method === 'POST'`, as /afmelden/ does);
 *   - an endpoint allows the methods it exports (HEAD with GET, as Astro answers it; OPTIONS only
 *     when it exports it, as the open-data API does for CORS preflights).
 * Prerendered routes are not listed: server.mjs knows them as files in dist/client.
 */
import type { AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** One on-demand route as server.mjs reads it: a RegExp source and its allowed methods. */
export interface RouteMethods {
  pattern: string;
  route: string;
  allow: string[];
}

export const ROUTE_METHODS_FILE = 'route-methods.json';

const ENDPOINT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods a route's source answers (exported for the unit test). */
export function methodsFromSource(type: IntegrationResolvedRoute['type'], source: string): string[] {
  if (type === 'page') {
    const takesPost = /from\s+['"]astro:actions['"]/.test(source) || /Astro\.request\.method\s*===\s*['"]POST['"]/.test(source);
    return takesPost ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
  }
  const exports = (name: string) => new RegExp(`export\\s+(?:const|let|(?:async\\s+)?function)\\s+${name}\\b`).test(source);
  const exported = exports('ALL') ? [...ENDPOINT_METHODS] : ENDPOINT_METHODS.filter(exports);
  return exported.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]));
}

export default function routeMethodsIntegration(): AstroIntegration {
  let root = '';
  let serverDir = '';
  let routes: IntegrationResolvedRoute[] = [];
  return {
    name: 'praktijkplein-route-methods',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        serverDir = fileURLToPath(config.build.server);
      },
      'astro:routes:resolved': ({ routes: resolved }) => {
        routes = resolved;
      },
      'astro:build:done': ({ logger }) => {
        // Astro's own routes (actions, server islands, the image endpoint) stay Astro's business.
        const table: RouteMethods[] = routes
          .filter((route) => !route.isPrerendered && route.origin === 'project' && !route.redirect)
          .filter((route) => route.type === 'page' || route.type === 'endpoint')
          .map((route) => ({
            pattern: route.patternRegex.source,
            route: route.pattern,
            allow: methodsFromSource(route.type, readFileSync(join(root, route.entrypoint), 'utf8')),
          }));
        writeFileSync(join(serverDir, ROUTE_METHODS_FILE), JSON.stringify(table, null, 2));
        logger.info(`${table.length} routes op aanvraag met hun methoden vastgelegd`);
      },
    },
  };
}
