/**
 * One app instance as a separate process, for the two-instance outbox test: opens the database
 * given as argv[2], imports the delivery module given as argv[3] (so the test can point it at
 * older code), says "ready", waits for "go" on stdin, runs delivery a few rounds with a transport
 * that takes a few milliseconds per message, and prints the ids it sent as JSON.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '#db/client.ts';

const [databaseUrl, modulePath, roundsText = '3'] = process.argv.slice(2);
const handle = await openDatabase({ url: databaseUrl! });
const { deliverPendingMail } = (await import(pathToFileURL(modulePath!).href)) as {
  deliverPendingMail: (db: typeof handle.db, transport: { send(m: { to: string; subject: string; body: string }): Promise<void> }) => Promise<number>;
};
const sent: string[] = [];
const transport = {
  async send(message: { subject: string }) {
    await new Promise((resolve) => setTimeout(resolve, 4));
    sent.push(message.subject);
  },
};

console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;
lines.close();

for (let round = 0; round < Number(roundsText); round++) await deliverPendingMail(handle.db, transport);
handle.close();
console.log(JSON.stringify(sent));
