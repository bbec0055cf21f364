// Outgoing email, only where SMTP is configured (SMTP_URL=smtp://user:pass@host:587).
// SMTP_URL=file:./data/outbox writes each message as a JSON file instead (development, tests).
import "server-only";

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import nodemailer from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export function isMailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  const from = process.env.MAIL_FROM ?? "Quizwire <no-reply@quizwire.invalid>";
  if (url.startsWith("file:")) {
    const dir = url.slice("file:".length);
    // Reset links are as good as a password for an hour: for this account's eyes only.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(
      path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.json`),
      JSON.stringify({ from, ...mail }, null, 2),
      { mode: 0o600 },
    );
    return;
  }
  await nodemailer.createTransport(url).sendMail({ from, ...mail });
}
