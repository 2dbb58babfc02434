import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config';

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar entry (a meeting invitation), sent as an attached .ics file. */
  calendar?: string;
};

/** Sends e-mail. The only implementation is SMTP through nodemailer; tests point it at a real server. */
export type Mailer = {
  send(email: OutgoingEmail): Promise<void>;
  /** Connects and authenticates once: the check made at start. */
  verify(): Promise<void>;
  close(): void;
};

/** An SMTP mailer. TLS is required (STARTTLS or implicit) unless the relay runs on this machine. */
export function createSmtpMailer(smtp: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.tls === 'implicit',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    auth: smtp.user && smtp.password ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    // Nothing about the messages is logged.
    logger: false,
    debug: false,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: smtp.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.calendar ? { attachments: [{ filename: 'invitation.ics', content: email.calendar, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] } : {}),
      });
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

/**
 * What may be kept of a failed send: the error code and the SMTP response code. The message
 * text is left out, since a server may quote the recipient's address in it.
 */
export function describeSendError(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const parts = [typeof code === 'string' && /^[A-Z_]{2,32}$/.test(code) ? code : null, typeof responseCode === 'number' ? `SMTP ${responseCode}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'ERROR';
}
