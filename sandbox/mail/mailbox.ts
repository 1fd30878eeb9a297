// The sandbox's caught e-mails, in memory: the newest 200, newest first.
import { parseMail } from './parse.js';

export interface CaughtMail {
  id: number;
  /** ISO-8601 */
  receivedAt: string;
  /** The envelope sender and recipients (what the SMTP client said), then what the headers say. */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The user name the client signed in with, if any (the password is never kept). */
  authUser: string | null;
}

export const MAILBOX_CAPACITY = 200;

export class Mailbox {
  private mails: CaughtMail[] = [];
  private nextId = 1;

  constructor(
    private readonly capacity = MAILBOX_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  add(raw: string, envelope: CaughtMail['envelope'], authUser: string | null): CaughtMail {
    const mail: CaughtMail = { id: this.nextId++, receivedAt: new Date(this.now()).toISOString(), envelope, authUser, ...parseMail(raw) };
    this.mails.unshift(mail);
    this.mails.length = Math.min(this.mails.length, this.capacity);
    return mail;
  }

  list(): CaughtMail[] {
    return [...this.mails];
  }

  clear(): void {
    this.mails = [];
  }
}
