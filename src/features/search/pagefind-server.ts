/**
 * The server's copy of the browser's search: the same pagefind.js and index that the browser
 * loads from /pagefind/, run in this process, so the search page without JavaScript answers
 * exactly what as-you-type answers (domain/search/knowledge-ranking.ts runs the same
 * procedure over both). pagefind.js fetches its index files with the global fetch; Node's
 * fetch cannot read files, so file: addresses inside a Pagefind folder are answered from disk
 * and every other fetch goes to Node's own, untouched.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rankKnowledge, type KnowledgeResult, type SearchEngine } from '#domain/search/knowledge-ranking.ts';

const folders = new Set<string>();
let engines = new Map<string, Promise<SearchEngine>>();
let chosen: string | undefined;

/** Use this Pagefind folder (tests, and a build whose client folder is elsewhere). */
export function usePagefindFolder(folder: string): void {
  chosen = folder;
}

/**
 * The Pagefind folder of the build this code belongs to: the server chunks live in
 * <build>/server/…, the index in <build>/client/pagefind/. Outside a build (the dev server,
 * tests) the project's dist/client/pagefind, if there is one.
 */
function pagefindFolder(): string {
  if (chosen) return chosen;
  // Looked up once: this code's own build does not move while it runs.
  buildFolder ??= findBuildFolder();
  return buildFolder;
}

let buildFolder: string | undefined;

function findBuildFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    if (dir.endsWith(`${sep}server`) && existsSync(join(dir, '..', 'client', 'pagefind', 'pagefind.js'))) return join(dir, '..', 'client', 'pagefind');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'dist', 'client', 'pagefind');
}

/** The engine for the current folder; loaded once per folder, again after a failed load. */
export function knowledgeEngine(): Promise<SearchEngine> {
  const folder = pagefindFolder();
  let engine = engines.get(folder);
  if (!engine) {
    engine = load(folder).catch((error: unknown) => {
      engines.delete(folder);
      throw error;
    });
    engines.set(folder, engine);
  }
  return engine;
}

/**
 * The knowledge base's answer on the server. Without an index (the dev server before a build)
 * or with an unreadable one it answers nothing, logged, so the search page stays a page and the
 * pitches still answer.
 */
export async function searchKnowledgeBase(q: string, filters: Record<string, string>): Promise<KnowledgeResult> {
  try {
    return await rankKnowledge(await knowledgeEngine(), q, filters);
  } catch (error) {
    console.error('Kennisbank doorzoeken mislukt:', error);
    return { pages: [], total: 0 };
  }
}

/** Forgets loaded engines (a test that rebuilt its index). */
export function resetKnowledgeEngines(): void {
  engines = new Map();
}

async function load(folder: string): Promise<SearchEngine> {
  answerFilesFrom(folder);
  // A query string makes each folder its own module instance (pagefind.js keeps its state in the module).
  const module = (await import(/* @vite-ignore */ `${pathToFileURL(join(folder, 'pagefind.js')).href}?folder=${encodeURIComponent(folder)}`)) as SearchEngine & {
    options(options: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
  };
  await module.options({ basePath: `${pathToFileURL(folder).href}/` });
  await module.init();
  return module;
}

/** Lets the global fetch read files inside this folder (once per process per folder). */
function answerFilesFrom(folder: string): void {
  if (folders.size === 0) {
    const nodeFetch = globalThis.fetch;
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith('file:')) {
        const path = fileURLToPath(url);
        if ([...folders].some((allowed) => path.startsWith(allowed + sep))) {
          return readFile(path).then(
            (body) => new Response(body),
            () => new Response(null, { status: 404 }),
          );
        }
      }
      return nodeFetch(input, init);
    };
  }
  folders.add(folder);
}
