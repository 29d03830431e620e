/**
 * Home of configuration: every setting Praktijkplein reads from the environment, in one zod
 * schema, validated once. server.mjs validates at start and exits with a Dutch message on a
 * missing or bad value (a production server without SITE_URL never starts); the app, the
 * scripts and the tests read the same parsed object. Nothing else reads process.env.
 */
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';

/** The embedded database file, relative to the project root (npm scripts run from there). */
export const defaultDatabaseUrl = `file:${join(process.cwd(), 'db', 'praktijkplein.db')}`;
export const defaultPort = 4321;
/** Builds made by publishing and the pointer to the live one, relative to the project root. */
export const defaultPublishDir = join(process.cwd(), '.praktijkplein');

/**
 * The content folder (cases, instruments, organisations, sources, geo): CONTENT_DIR, or
 * content/ in the project root. Everything the site reads at run time lives in the repository;
 * nothing beside it is read. A function of its own, not only a field of `config()`: the build
 * (content.config.ts, prerendering) reads content too, where the production-only checks of
 * `config()` do not apply.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR ? resolve(env.CONTENT_DIR) : join(process.cwd(), 'content');
}

/**
 * The whole environment of a publish build: only what prerendering reads (the site's address
 * and the network's name and address) and PATH. No database address or token, no SMTP
 * password: content written by a curator must not be able to reach them at build time.
 */
function publishBuildEnv(e: { SITE_URL?: string; PORT: number; NETWORK_NAME?: string; NETWORK_EMAIL?: string; CONTACT_EMAIL?: string; NETWORK_URL?: string; CURATION_PROMISE?: string; PATH?: string }): Record<string, string> {
  const settings: Record<string, string | undefined> = {
    PATH: e.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    SITE_URL: e.SITE_URL ?? `http://localhost:${e.PORT}`,
    NETWORK_NAME: e.NETWORK_NAME,
    NETWORK_EMAIL: e.NETWORK_EMAIL ?? e.CONTACT_EMAIL,
    NETWORK_URL: e.NETWORK_URL,
    CURATION_PROMISE: e.CURATION_PROMISE,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return Object.fromEntries(Object.entries(settings).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const flag = z
  .enum(['1', '0', 'true', 'false', ''], { error: 'gebruik 1 of 0' })
  .optional()
  .transform((value) => value === '1' || value === 'true');

const httpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `${what} moet een volledig adres zijn, zoals https://praktijkplein.nl` })
    // The site lives at the root of its domain: a path would be dropped from every link.
    .refine((value) => ['', '/'].includes(new URL(value).pathname) && !new URL(value).search, `${what} is alleen het adres van de site, zonder pad, zoals https://praktijkplein.nl`)
    .transform((value) => new URL(value).origin);

const environmentSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    PORT: z.coerce.number({ error: 'PORT moet een getal zijn' }).int().min(1).max(65535).default(defaultPort),
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Public address: links in e-mail, canonical links. Required in production. */
    SITE_URL: httpUrl('SITE_URL').optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, 'DATABASE_URL moet beginnen met file:, libsql://, http(s):// of ws(s)://')
      .optional(),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL moet beginnen met smtp:// of smtps://').optional(),
    MAIL_FROM: z.string().min(3).default('Praktijkplein <no-reply@praktijkplein.nl>'),
    TRUST_PROXY: flag,
    /** The network organisation that runs the site: shown in the footer and on /over/. */
    NETWORK_NAME: z.string().min(2, 'NETWORK_NAME is de naam van de netwerkorganisatie').max(120).optional(),
    NETWORK_EMAIL: z.email({ error: 'NETWORK_EMAIL moet een e-mailadres zijn' }).optional(),
    /** Older name of NETWORK_EMAIL, still read so existing deployments keep their address. */
    CONTACT_EMAIL: z.email({ error: 'CONTACT_EMAIL moet een e-mailadres zijn' }).optional(),
    NETWORK_URL: httpUrl('NETWORK_URL').optional(),
    /** What the network promises about confirming members, e.g. "meestal binnen twee werkdagen". */
    CURATION_PROMISE: z.string().min(3).max(80).optional(),
    /** Concurrent argon2 hashes; the rest wait, so pages stay responsive under a login storm. */
    HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
    /** Where publishing keeps its builds and the live-build pointer. */
    PUBLISH_DIR: z.string().min(1).optional(),
    /** The content folder; default content/ in the project root (see contentDir). */
    CONTENT_DIR: z.string().min(1).optional(),
    /**
     * PUBLISHING=off: this server never publishes into its own checkout (the shared e2e server
     * and any test process run from the project root; a publish there would write content/ and
     * commit into the developer's checkout). Default on.
     */
    PUBLISHING: z.enum(['on', 'off'], { error: 'PUBLISHING is on of off' }).default('on'),
    /**
     * The key for what the server signs and checks itself (a live session's registration pass
     * and screen key, src/features/live/live-codes.ts). Every instance needs the same one.
     */
    APP_SECRET: z.string().min(32, 'APP_SECRET moet minstens 32 tekens hebben, bijvoorbeeld de uitvoer van: openssl rand -base64 32').optional(),
    /** Read only to hand on to the publish build and git (they find their programs through it). */
    PATH: z.string().optional(),
  })
  .transform((env) => ({ ...env, production: env.NODE_ENV === 'production' }))
  .superRefine((env, ctx) => {
    if (env.production && !env.SITE_URL) {
      ctx.addIssue({ code: 'custom', path: ['SITE_URL'], message: 'is verplicht in productie (bijvoorbeeld https://praktijkplein.nl): links in e-mail komen daarvandaan' });
    }
    if (env.production && env.SITE_URL && !env.SITE_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['SITE_URL'], message: 'moet in productie met https:// beginnen' });
    }
    // A public site that names a placeholder as its operator misleads its visitors.
    if (env.production && !env.NETWORK_NAME) {
      ctx.addIssue({ code: 'custom', path: ['NETWORK_NAME'], message: 'is verplicht in productie: de naam van de netwerkorganisatie die Praktijkplein beheert' });
    }
    if (env.production && !env.NETWORK_EMAIL && !env.CONTACT_EMAIL) {
      ctx.addIssue({ code: 'custom', path: ['NETWORK_EMAIL'], message: 'is verplicht in productie: het e-mailadres waarop de netwerkorganisatie bereikbaar is' });
    }
    // Instances must agree on the key, and a default would be public: no start without one.
    if (env.production && !env.APP_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is verplicht in productie: een geheime sleutel van minstens 32 tekens (bijvoorbeeld: openssl rand -base64 32), op elke instantie dezelfde' });
    }
    // Without SMTP every registration and reset mail would wait in the queue for ever: the
    // site would start and then fail people silently.
    if (env.production && !env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is verplicht in productie (bijvoorbeeld smtps://gebruiker:wachtwoord@smtp.voorbeeld.nl:465): zonder komt geen bevestigings- of herstelmail aan' });
    }
  });

export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** Origin of the public site, e.g. https://praktijkplein.nl (never taken from a request). */
  siteUrl: string;
  database: { url: string; authToken?: string };
  mail: { smtpUrl?: string; from: string };
  trustProxy: boolean;
  /** The key for values the server signs (APP_SECRET; outside production a fixed development key). */
  appSecret: string;
  /** Who runs the site and how to reach them; the defaults are marked as examples. */
  network: { name: string; email: string; url?: string; curationPromise?: string; isExample: boolean };
  hashConcurrency: number;
  /** The content folder the site reads and publishing writes (absolute). */
  contentDir: string;
  /** Publishing: the state folder and the environment a staging build gets. */
  publishing: { stateDir: string; buildEnv: Record<string, string>; enabled: boolean };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Praktijkplein kan niet starten: de instellingen kloppen niet.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Outside production only (production refuses to start without APP_SECRET): public, so it protects nothing. */
const developmentSecret = 'praktijkplein-development-key-not-secret';

/** Parses an environment (process.env by default); throws ConfigError with every problem listed. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'instelling'}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    production: e.production,
    port: e.PORT,
    host: e.HOST,
    // Outside production the default follows the port, so links in e-mail work on a laptop.
    siteUrl: e.SITE_URL ?? `http://localhost:${e.PORT}`,
    database: { url: e.DATABASE_URL ?? defaultDatabaseUrl, authToken: e.DATABASE_AUTH_TOKEN },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    trustProxy: e.TRUST_PROXY,
    appSecret: e.APP_SECRET ?? developmentSecret,
    network: {
      name: e.NETWORK_NAME ?? 'Netwerk Praktijkplein (voorbeeld)',
      email: e.NETWORK_EMAIL ?? e.CONTACT_EMAIL ?? 'redactie@praktijkplein.example',
      url: e.NETWORK_URL,
      curationPromise: e.CURATION_PROMISE,
      isExample: !e.NETWORK_NAME,
    },
    hashConcurrency: e.HASH_CONCURRENCY,
    contentDir: contentDir({ CONTENT_DIR: e.CONTENT_DIR }),
    publishing: { stateDir: e.PUBLISH_DIR ? resolve(e.PUBLISH_DIR) : defaultPublishDir, buildEnv: publishBuildEnv(e), enabled: e.PUBLISHING === 'on' },
  };
}

let current: Config | undefined;
/** The last build-time configuration and the settings it was parsed from. */
let lastBuildTime: { key: string; config: Config } | undefined;

/**
 * The configuration for a command-line script: on a bad or missing setting it prints the Dutch
 * message (no stack trace) and exits, as the server does.
 */
export function configOrExit(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** The process's configuration, parsed on first use. */
export function config(): Config {
  current ??= parseConfig();
  return current;
}

/**
 * Settings read while prerendering pages (canonical links, the contact address on /over/).
 * `astro build` always runs with NODE_ENV=production, so the checks that only a running
 * production server needs wait for the server's start.
 */
export function buildTimeConfig(env: Record<string, string | undefined> = process.env): Config {
  // On-demand pages read it on every render (the footer): parse again only when the settings changed.
  const key = JSON.stringify(env);
  if (lastBuildTime?.key !== key) lastBuildTime = { key, config: parseConfig({ ...env, NODE_ENV: 'build' }) };
  return lastBuildTime.config;
}

/** For tests that check production-only behaviour: replace the parsed configuration. */
export function setConfigForTests(next: Config | undefined): void {
  current = next;
}
