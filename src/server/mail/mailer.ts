import type { Transporter } from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };

/** What the outbox job sends through; a test may pass its own. */
export type Mailer = { send(mail: OutgoingMail): Promise<void>; close(): void };

export type MailerSettings = { smtpUrl: string; from: string };

/**
 * An SMTP mailer over one pooled nodemailer transport. Timeouts are short so a dead server fails an attempt
 * within seconds (the outbox retries later) instead of holding the job for minutes.
 */
export const createMailer = ({ smtpUrl, from }: MailerSettings): Mailer => {
  // nodemailer (~15 MB) loads with the first mail, not at start: many installations never send one.
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    send: async (mail) => {
      await (await open()).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => {
      void transport?.then((t) => t.close());
    },
  };
};
