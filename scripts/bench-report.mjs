/**
 * The report of `npm run bench`: every measurement with its budget, collected
 * per section and written as Markdown to bench/REPORT.md (and printed). A missed budget is a
 * failure with a name; the bench exits 1 when there is any. The machine is described at the top
 * (cores, load before and after), because absolute numbers only mean something next to it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

/** One section of the report: free lines and tables, with the failures found in it. */
class Section {
  /** @param {string} title */
  constructor(title) {
    this.title = title;
    /** @type {string[]} */
    this.blocks = [];
  }
}

/** Collects measurements and failures; `markdown()` renders them. */
export class Report {
  /** @param {{ quick?: boolean }} [options] */
  constructor(options = {}) {
    this.quick = Boolean(options.quick);
    this.started = new Date();
    this.loadBefore = loadavg();
    /** @type {Section[]} */
    this.sections = [];
    /** @type {string[]} */
    this.failures = [];
    /** Why budgets were missed, in plain words, shown right under the list of misses. @type {string[]} */
    this.explanations = [];
    /** @type {Section | undefined} */
    this.current = undefined;
  }

  /** Starts a section; what follows goes into it. */
  section(title, intro) {
    this.current = new Section(title);
    this.sections.push(this.current);
    console.log(`\n## ${title}`);
    if (intro) this.line(intro);
  }

  /** A line of text (printed at once). */
  line(text) {
    this.#ensure().blocks.push(text);
    console.log(text);
  }

  /**
   * A measurement against its budget: ✓ or ✖, printed at once; a miss is a failure named by
   * `message` (which says what was measured and what the budget is).
   */
  check(ok, message) {
    this.#ensure().blocks.push(`- ${ok ? '✓' : '✖'} ${message}`);
    console.log(`${ok ? '✓' : '✖'} ${message}`);
    if (!ok) this.failures.push(`${this.current?.title ?? ''}: ${message}`);
    return ok;
  }

  /** Says plainly why a budget was missed (shown under the misses at the top of the report). */
  explain(text) {
    if (!this.explanations.includes(text)) this.explanations.push(text);
    console.log(`Waarom: ${text}`);
  }

  /** A miss found outside a check (a step that crashed, a page that did not answer). */
  fail(message) {
    return this.check(false, message);
  }

  /**
   * A table; cells are strings. Each row may start with a boolean (budget met or not), shown as
   * ✓ or ✖; failures for a table are reported with `fail` or `check` by the caller.
   */
  table(headers, rows) {
    const cell = (value) => (value === true ? '✓' : value === false ? '✖' : String(value ?? '').replaceAll('|', '\\|'));
    const lines = [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
    this.#ensure().blocks.push(lines.join('\n'));
    console.log(lines.join('\n'));
  }

  #ensure() {
    if (!this.current) this.section('Algemeen');
    return /** @type {Section} */ (this.current);
  }

  /** The whole report as Markdown. */
  markdown() {
    const cores = cpus();
    const loadAfter = loadavg();
    const busy = Math.max(this.loadBefore[0], loadAfter[0]) > cores.length * 0.5;
    const out = [
      '# Praktijkplein: bench-rapport',
      '',
      `Gemaakt met \`npm run bench${this.quick ? ' -- --quick' : ''}\` op ${this.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${((Date.now() - this.started.getTime()) / 60000).toFixed(1)} minuten.`,
      `Machine: ${cores.length} × ${cores[0]?.model?.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; belasting (1 min) ${this.loadBefore[0].toFixed(2)} bij de start, ${loadAfter[0].toFixed(2)} aan het eind.`,
      busy
        ? `**Let op: de machine was bezet** (belasting boven de helft van het aantal kernen): tijden en verzoeken per seconde zijn lager dan op een rustige machine; verhoudingen en Lighthouse-scores (gesimuleerde beperking) zeggen meer.`
        : 'De machine was rustig.',
      '',
      this.failures.length === 0 ? '**Alle doelen gehaald.**' : `**${this.failures.length} doel(en) niet gehaald:**`,
      ...this.failures.map((f) => `- ✖ ${f}`),
      ...(this.failures.length > 0 && (busy || this.explanations.length > 0)
        ? [
            '',
            '**Waarom:**',
            ...(busy
              ? [
                  `- De machine was bezet (belasting ${this.loadBefore[0].toFixed(1)} bij de start, ${loadAfter[0].toFixed(1)} aan het eind, op ${cores.length} kernen): doelen in milliseconden (p95 en p99, de inlogstorm) en de tijdsverhouding bij accountenumeratie meten dan vooral de wachtrij voor de processor. Een doel dat ook de vooraf gebouwde pagina mist, die niets uitrekent, zegt niets over de site; zulke doelen zijn in deze run niet te beoordelen en vragen een run op een rustige machine.`,
                ]
              : []),
            ...this.explanations.map((e) => `- ${e}`),
          ]
        : []),
    ];
    for (const section of this.sections) out.push('', `## ${section.title}`, '', section.blocks.join('\n\n').replaceAll(/\n\n(?=- )/g, '\n'));
    return `${out.join('\n')}\n`;
  }

  /** Writes the report to `path` and returns its text. */
  write(path) {
    const text = this.markdown();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return text;
  }
}

/** A free loopback port. */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers 200 (the server is up), at most `seconds`. */
export async function waitFor(url, seconds = 30) {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet; try again
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** Milliseconds as a short Dutch number. */
export const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms` : '–');
/** Bytes as KiB or MiB. */
export const size = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
