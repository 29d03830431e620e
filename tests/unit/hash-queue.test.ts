/** The argon2 queue: a bounded number of hashes at once, all of them finish. */
import { afterEach, describe, expect, test } from 'vitest';
import { createHashQueue, hashQueue, resetHashQueueForTests } from '#platform/auth/hash-queue.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '#platform/auth/password.ts';
import { parseConfig, setConfigForTests } from '#platform/config.ts';

/** A task that runs until the test lets it finish, counting how many run at once. */
function gate() {
  let active = 0;
  let peak = 0;
  const open: (() => void)[] = [];
  const task = () =>
    new Promise<void>((resolve) => {
      active++;
      peak = Math.max(peak, active);
      open.push(() => {
        active--;
        resolve();
      });
    });
  return { task, open, peak: () => peak, active: () => active };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('wachtrij voor wachtwoordhashes', () => {
  afterEach(() => {
    setConfigForTests(undefined);
    resetHashQueueForTests();
  });

  test('met limiet 2 lopen van 10 gelijktijdige taken er hoogstens 2 tegelijk, en ze komen alle 10 klaar', async () => {
    const queue = createHashQueue(2);
    const g = gate();
    const done: number[] = [];
    const all = Array.from({ length: 10 }, (_, i) => queue.run(g.task).then(() => done.push(i)));
    await tick();
    expect(g.active()).toBe(2);
    expect(queue.waiting).toBe(8);
    // Let them finish one at a time; after each, a waiting task takes the free slot.
    while (g.open.length > 0) {
      g.open.shift()!();
      await tick();
      expect(g.active()).toBeLessThanOrEqual(2);
    }
    await Promise.all(all);
    expect(g.peak()).toBe(2);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.running).toBe(0);
  });

  test('een mislukte taak geeft haar plaats vrij', async () => {
    const queue = createHashQueue(1);
    await expect(queue.run(() => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    await expect(queue.run(() => Promise.resolve('daarna'))).resolves.toBe('daarna');
    expect(queue.running).toBe(0);
  });

  test('hashPassword en verifyPassword gaan door de wachtrij, met de limiet uit de configuratie', async () => {
    setConfigForTests({ ...parseConfig({ DATABASE_URL: 'file:/tmp/praktijkplein-hash-queue.db' }), hashConcurrency: 2 });
    resetHashQueueForTests();
    const hashes = Array.from({ length: 10 }, (_, i) => hashPassword(`wachtwoord nummer ${i}`));
    // Admission is synchronous: two argon2 calls started, eight wait their turn.
    expect(hashQueue().running).toBe(2);
    expect(hashQueue().waiting).toBe(8);
    const results = await Promise.all(hashes);
    expect(new Set(results).size).toBe(10);
    expect(hashQueue().running).toBe(0);

    const checks = [...results.map((hash, i) => verifyPassword(hash, `wachtwoord nummer ${i}`)), verifyAgainstDummy('iets')];
    await tick();
    expect(hashQueue().running).toBeLessThanOrEqual(2);
    expect(hashQueue().running + hashQueue().waiting).toBeGreaterThanOrEqual(9);
    expect(await Promise.all(checks)).toEqual([...results.map(() => true), false]);
  });
});
