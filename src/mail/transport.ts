/**
 * How mail leaves: SMTP via nodemailer when SMTP_URL is set; otherwise, outside production,
 * the message is printed to the console so every flow can be tried locally from the README.
 */
import nodemailer from 'nodemailer';
import { config, type Config } from '../server/config.ts';

export interface Transport {
  send(message: { to: string; subject: string; body: string }): Promise<void>;
}

export const consoleTransport: Transport = {
  async send({ to, subject, body }) {
    console.log(`\n✉  E-mail aan ${to}\n   Onderwerp: ${subject}\n${body.replace(/^/gm, '   ')}\n`);
  },
};

/**
 * The longest one send may take, start to finish: it is aborted then (and counts as failed).
 * The outbox only starts a send with more than this left on its claim, so a send can never
 * outlive the claim and go out twice (jobs/outbox-delivery.ts).
 */
export const SEND_TIMEOUT_MS = 20_000;

let smtp: Transport | undefined;

export function transportFromConfig(settings: Pick<Config, 'mail' | 'production'> = config()): Transport {
  const { smtpUrl, from } = settings.mail;
  if (smtpUrl) {
    smtp ??= (() => {
      // nodemailer waits up to 10 minutes by default; its own timers reset on every byte, so the
      // hard cap is the abort signal below.
      const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 });
      return {
        async send({ to, subject, body }) {
          await transporter.sendMail({ from, to, subject, text: body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
        },
      };
    })();
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
