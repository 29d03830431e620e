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

let smtp: Transport | undefined;

export function transportFromConfig(settings: Pick<Config, 'mail' | 'production'> = config()): Transport {
  const { smtpUrl, from } = settings.mail;
  if (smtpUrl) {
    smtp ??= (() => {
      // Every wait well under the outbox's 2-minute claim: a hanging send must fail before
      // another instance may take the same message over (nodemailer waits 10 minutes by default).
      const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
      return {
        async send({ to, subject, body }) {
          await transporter.sendMail({ from, to, subject, text: body });
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
