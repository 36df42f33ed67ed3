/** What the run history (runs.jsonl) keeps of deliveries: one `message` line per unit brief, one `delivery` line per run. */

/** One SMTP transaction (or connection failure) for one message. */
export interface Attempt {
  at: string;
  /** Envelope recipients this attempt tried. */
  recipients: string[];
  accepted: string[];
  /** Recipients the server refused in this attempt, with its reply. */
  rejected: { address: string; response: string; temporary: boolean }[];
  /** The server's last reply, or the connection error (credentials masked). */
  response: string;
  /** `accepted`, `rejected`, or `temporary` (retried). */
  outcome: 'accepted' | 'partial' | 'rejected' | 'temporary';
}

export type MessageStatus =
  /** Every recipient accepted (counting those that accepted in an earlier run). */
  | 'sent'
  /** Some accepted, some refused or still failing. */
  | 'incomplete'
  /** Nobody accepted. */
  | 'failed'
  /** Every recipient had accepted this brief in an earlier run; nothing sent. */
  | 'already-sent'
  /** Written to an .eml file, not sent. */
  | 'written';

export interface MessageRecord {
  event: 'message';
  run_id: string;
  job: string;
  period: string;
  unit: string;
  status: MessageStatus;
  subject: string;
  message_id: string | null;
  to: string[];
  cc: string[];
  /** Addresses skipped because they accepted this job, period and unit in an earlier run. */
  already_accepted: string[];
  resend: boolean;
  accepted: string[];
  /** Refused permanently (5xx) or still failing after the last retry, with the last reply for each. */
  rejected: { address: string; response: string; temporary: boolean }[];
  /** The last SMTP reply (or error) of the message. */
  response: string | null;
  attempts: Attempt[];
  /** The .eml file, with --eml. */
  file: string | null;
}

export type DeliveryStatus = 'complete' | 'incomplete' | 'skipped' | 'written';

export interface DeliveryRecord {
  event: 'delivery';
  run_id: string;
  status: DeliveryStatus;
  /** For people: why delivery was skipped, what was resent, who did not get the brief. */
  note: string;
  /** The SMTP server with credentials masked; null when none was configured. */
  smtp: string | null;
  finished: string;
}

export interface DeliveryView {
  status: DeliveryStatus;
  note: string;
  smtp: string | null;
  messages: MessageRecord[];
}
