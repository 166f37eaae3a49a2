import { maskMobile } from '../pii/index.ts';

/** One text message as a gateway receives it: the bare 11-digit mobile, a template code and the text. */
export interface SmsMessage {
  /** The outbox row, so a gateway may use it as its idempotency key (阿里云 OutId, 腾讯云 SessionContext). */
  id: number;
  mobile: string;
  /** Our template code ('donor_login_code' …); a gateway maps it to its own approved template. */
  template: string;
  /** Values the template is filled with; gateways send these, not `text`. */
  params: Record<string, string>;
  /** The rendered text, for providers without templates (and the development log). */
  text: string;
}

/**
 * How messages leave the system. `send` resolves once the gateway has accepted the message and rejects
 * with an Error whose message says why not (kept as the outbox row's last_error, so never put the
 * number or the text in it). It should give up within a few seconds: the outbox holds a row lock while
 * it waits. A rejection is retried by the outbox (see outbox.ts), so a gateway that can tell a permanent
 * refusal (invalid number, unapproved template) from a transient one may throw `PermanentSmsError`.
 */
export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** A refusal that retrying cannot cure: the outbox marks the message failed at once. */
export class PermanentSmsError extends Error {
  override readonly name = 'PermanentSmsError';
}

/**
 * The development provider: sends nothing, writes each message to the log (mobile masked, text in
 * full so a developer can read the code) and keeps the last messages in memory for tests.
 */
export class DevelopmentSmsProvider implements SmsProvider {
  readonly name = 'development';
  readonly sent: SmsMessage[] = [];

  constructor(
    private readonly log: (line: Record<string, unknown>, msg: string) => void = () => {},
    private readonly keep = 50,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
    this.log(
      { provider: this.name, to: maskMobile(message.mobile), template: message.template, text: message.text },
      'SMS (development provider: written to the log, not sent)',
    );
  }

  /** The last message sent to this mobile, if any. */
  lastTo(mobile: string): SmsMessage | undefined {
    return this.sent.findLast((m) => m.mobile === mobile);
  }
}
