/**
 * The report of `npm run bench`: every measurement with its budget, collected
 * per section and written as Markdown to bench/REPORT.md (and printed). A missed budget is a
 * failure with a name; the bench exits 1 when there is any. The machine is described at the top
 * (cores, load before and after), because absolute numbers only mean something next to it.
 * A timing budget (milliseconds, requests per second, a ratio of times) is judged only on a quiet
 * machine (`timingVerdict`); bytes and counts are judged always.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

/**
 * The rule for timing budgets: with a 1-minute load average above the number of cores at the
 * start or the end of the run, the processor queue is what is measured, not the site, so a
 * timing is neither met nor missed. Returns the mark to show and whether it counts.
 * @param {boolean} ok the timing met its budget
 * @param {{ loadBefore: number, loadAfter: number, cores: number }} machine
 * @returns {{ judged: boolean, mark: string }}
 */
export function timingVerdict(ok, { loadBefore, loadAfter, cores }) {
  const load = Math.max(loadBefore, loadAfter);
  if (load > cores) return { judged: false, mark: `niet te beoordelen (machine bezet: belasting ${load.toFixed(1)} op ${cores} kernen)` };
  return { judged: true, mark: ok ? '✓' : '✖' };
}

/** One section of the report: free lines and tables, with the failures found in it. */
class Section {
  /** @param {string} title */
  constructor(title) {
    this.title = title;
    /** Text, or a function giving text when the report is written (a timing verdict). @type {(string | (() => string))[]} */
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
    /** Misses of byte and count budgets (always judged). @type {string[]} */
    this.countFailures = [];
    /** Timing budgets, judged when the report is written (the load at the end is known then). @type {{ ok: boolean, message: string }[]} */
    this.timings = [];
    /** The load at the end, fixed by the first `markdown()`. @type {number[] | undefined} */
    this.loadAfter = undefined;
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
    if (!ok) this.countFailures.push(`${this.current?.title ?? ''}: ${message}`);
    return ok;
  }

  /**
   * A timing against its budget (milliseconds, requests per second, a ratio of times): shown as
   * ✓ or ✖ on a quiet machine, as "niet te beoordelen" on a busy one (`timingVerdict`).
   */
  timing(ok, message) {
    const entry = { ok, message: `${this.current?.title ?? ''}: ${message}` };
    this.timings.push(entry);
    this.#ensure().blocks.push(() => `- ${this.verdict(ok).mark} ${message}`);
    console.log(`${ok ? '✓' : '✖'} (tijd, oordeel aan het eind) ${message}`);
    return ok;
  }

  /** The machine the timings ran on: cores and the load at the start and (once known) the end. */
  machine() {
    return { loadBefore: this.loadBefore[0], loadAfter: (this.loadAfter ?? loadavg())[0], cores: cpus().length };
  }

  /** ✓, ✖ or "niet te beoordelen" for a timing, by the load now known. @param {boolean} ok */
  verdict(ok) {
    return timingVerdict(ok, this.machine());
  }

  /** Every missed budget: counts and bytes always, timings only when they could be judged. */
  get failures() {
    const timed = this.timings.filter((t) => !t.ok && this.verdict(false).judged).map((t) => t.message);
    return [...this.countFailures, ...timed];
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

  /** A timing miss found outside `timing` (a table row): judged by the same rule. */
  failTiming(message) {
    return this.timing(false, message);
  }

  /**
   * A table; cells are strings. Each row may start with a boolean (budget met or not), shown as
   * ✓ or ✖; failures for a table are reported with `fail` or `check` by the caller.
   */
  table(headers, rows) {
    const render = () => {
      // A cell may be a function: a timing verdict, decided when the report is written.
      const cell = (value) => {
        const v = typeof value === 'function' ? value() : value;
        return v === true ? '✓' : v === false ? '✖' : String(v ?? '').replaceAll('|', '\\|');
      };
      return [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
    };
    this.#ensure().blocks.push(render);
    console.log(render());
  }

  #ensure() {
    if (!this.current) this.section('Algemeen');
    return /** @type {Section} */ (this.current);
  }

  /** The whole report as Markdown. */
  markdown() {
    const cores = cpus();
    this.loadAfter ??= loadavg();
    const loadAfter = this.loadAfter;
    const busy = !this.verdict(true).judged;
    const unjudged = busy ? this.timings.length : 0;
    const failures = this.failures;
    const out = [
      '# Praktijkplein: bench-rapport',
      '',
      `Gemaakt met \`npm run bench${this.quick ? ' -- --quick' : ''}\` op ${this.started.toISOString().slice(0, 16).replace('T', ' ')} UTC, in ${((Date.now() - this.started.getTime()) / 60000).toFixed(1)} minuten.`,
      `Machine: ${cores.length} × ${cores[0]?.model?.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; belasting (1 min) ${this.loadBefore[0].toFixed(2)} bij de start, ${loadAfter[0].toFixed(2)} aan het eind (nadat de eigen belasting van de bench is weggeëbd, hoogstens 90 s).`,
      busy && unjudged === 0
        ? '**Let op: de machine was bezet** (belasting boven het aantal kernen bij de start of aan het eind); deze run had geen tijdsdoelen, bytes en aantallen zijn beoordeeld.'
        : busy
        ? `**Let op: de machine was bezet** (belasting boven het aantal kernen bij de start of aan het eind): ${unjudged} tijdsdoel(en) (milliseconden, verzoeken per seconde, verhoudingen van tijden) staan als "niet te beoordelen" en tellen niet mee; bytes en aantallen wel. Tijden vragen een run op een rustige machine.`
        : 'De machine was rustig (belasting niet boven het aantal kernen): ook de tijdsdoelen zijn beoordeeld.',
      '',
      failures.length === 0 ? `**Alle ${busy ? 'beoordeelde ' : ''}doelen gehaald.**` : `**${failures.length} doel(en) niet gehaald:**`,
      ...failures.map((f) => `- ✖ ${f}`),
      ...(failures.length > 0 && this.explanations.length > 0 ? ['', '**Waarom:**', ...this.explanations.map((e) => `- ${e}`)] : []),
    ];
    for (const section of this.sections) {
      const blocks = section.blocks.map((block) => (typeof block === 'function' ? block() : block));
      out.push('', `## ${section.title}`, '', blocks.join('\n\n').replaceAll(/\n\n(?=- )/g, '\n'));
    }
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
