/**
 * The bench's rule for timing budgets (scripts/bench-report.mjs): on a machine busier than its
 * cores at the start or the end of the run, a timing is shown as not judgeable, never ✓ or ✖.
 */
import { expect, test } from 'vitest';
import { Report, timingVerdict } from '../../scripts/bench-report.mjs';

test('op een rustige machine is een tijd gehaald of gemist', () => {
  expect(timingVerdict(true, { loadBefore: 0.4, loadAfter: 1.9, cores: 2 })).toEqual({ judged: true, mark: '✓' });
  expect(timingVerdict(false, { loadBefore: 2, loadAfter: 2, cores: 2 })).toEqual({ judged: true, mark: '✖' });
});

test('belasting boven het aantal kernen bij de start of aan het eind: niet te beoordelen', () => {
  const atStart = timingVerdict(false, { loadBefore: 3.46, loadAfter: 0.5, cores: 2 });
  expect(atStart).toEqual({ judged: false, mark: 'niet te beoordelen (machine bezet: belasting 3.5 op 2 kernen)' });
  expect(timingVerdict(true, { loadBefore: 0.5, loadAfter: 9, cores: 8 }).judged).toBe(false);
});

test('het rapport telt een gemiste tijd op een bezette machine niet als mislukt, bytes wel', () => {
  const report = new Report();
  report.loadBefore = [99, 99, 99];
  report.section('Snelheid');
  report.timing(false, 'p95 125 ms — doel ≤ 20 ms');
  report.check(false, '/kaart/: 31 KiB — doel ≤ 20 KiB');
  const text: string = report.markdown();
  expect(text).toContain('- niet te beoordelen (machine bezet: belasting 99.0 op');
  expect(report.failures).toEqual(['Snelheid: /kaart/: 31 KiB — doel ≤ 20 KiB']);
});
