/**
 * How mail leaves: SMTP via nodemailer when SMTP_URL is set; otherwise, outside production,
 * the message is printed to the console so every flow can be tried locally from the README.
 * The console transport prints links with their tokens: it never runs in production, where
 * SMTP_URL is required (config.ts) and a missing one makes every send fail instead.
 * System mail is sent From MAIL_FROM (a no-reply address) with the network's own mailbox
 * (NETWORK_EMAIL) as Reply-To, so a person who answers a mail reaches someone.
 */
import nodemailer from 'nodemailer';
import { config, type Config } from '#platform/config.ts';

/** One message as a transport sends it; `headers`: extra headers such as List-Unsubscribe. */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  headers?: Record<string, string> | null;
}

export interface Transport {
  send(message: OutgoingMail): Promise<void>;
}

/** Prints each mail (with its links) to stdout: for trying flows locally, never in production. */
export const consoleTransport: Transport = {
  async send({ to, subject, body, headers }) {
    const extra = Object.entries(headers ?? {}).map(([name, value]) => `   ${name}: ${value}\n`).join('');
    console.log(`\n✉  E-mail aan ${to}\n   Onderwerp: ${subject}\n${extra}${body.replace(/^/gm, '   ')}\n`);
  },
};

/**
 * The longest one send may take, start to finish: it is aborted then (and counts as failed).
 * The outbox only starts a send with more than this left on its claim, so a send can never
 * outlive the claim and go out twice (jobs/outbox-delivery.ts).
 */
export const SEND_TIMEOUT_MS = 20_000;

/** Where SMTP mail goes and whom it comes from. */
export interface SmtpSettings {
  /** smtp:// or smtps:// with any credentials, as in SMTP_URL. */
  url: string;
  /** The From header (MAIL_FROM). */
  from: string;
  /** The Reply-To header: the network's mailbox. */
  replyTo: string;
}

/** A transport that sends through an SMTP server (plain text, UTF-8, From and Reply-To set). */
export function smtpTransport({ url, from, replyTo }: SmtpSettings): Transport {
  // nodemailer waits up to 10 minutes by default; its own timers reset on every byte, so the
  // hard cap is the abort signal below.
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
  return {
    async send({ to, subject, body, headers }) {
      await transporter.sendMail({ from, replyTo, to, subject, text: body, ...(headers ? { headers } : {}), signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    },
  };
}

let smtp: Transport | undefined;

/** The process's transport: SMTP when configured, the console outside production, else one that fails. */
export function transportFromConfig(settings: Pick<Config, 'mail' | 'production' | 'network'> = config()): Transport {
  const { smtpUrl, from } = settings.mail;
  if (smtpUrl) {
    smtp ??= smtpTransport({ url: smtpUrl, from, replyTo: settings.network.email });
    return smtp;
  }
  if (settings.production) {
    return {
      async send() {
        throw new Error('SMTP_URL is niet ingesteld: e-mail kan niet worden verstuurd');
      },
    };
  }
  return consoleTransport;
}
