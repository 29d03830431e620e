/**
 * A local SMTP server for tests (the `smtp-server` package): it accepts every message and keeps
 * it parsed by `mailparser`, so a test checks what really arrives after nodemailer encoded it
 * (headers, charset, parts), not what the app meant to send.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  url: string;
  /** Every message received so far, parsed, in order of arrival. */
  received: ParsedMail[];
  /** Waits (up to 20 s) for a message whose subject matches, and returns it. */
  waitFor(subject: RegExp, to?: string): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS to offer, no login to ask for.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  const matches = (mail: ParsedMail, subject: RegExp, to?: string) =>
    subject.test(mail.subject ?? '') && (!to || JSON.stringify(mail.to ?? '').includes(to));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(subject, to) {
      for (let i = 0; i < 200; i++) {
        const mail = [...received].reverse().find((m) => matches(m, subject, to));
        if (mail) return mail;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`Geen e-mail "${subject}" ontvangen (wel: ${received.map((m) => m.subject).join(', ') || 'niets'})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
