import { compileMessageTemplate, type CompiledMessageTemplate } from '../../shared/merge';
import { resolveAddressing } from '../mail/addressing';
import { AttachmentError, AttachmentLoader } from '../mail/attachment-loader';
import { hasAttachments, type MessageSpec } from '../mail/message-spec';
import { mergeValues } from '../mail/run-fields';
import type { OutgoingMessage } from '../providers/mailbox';
import type { Db } from '../store/db';
import type { DeliveryRecord } from '../store/deliveries';
import { findRunMessage } from '../store/run-messages';
import type { RunRecord } from '../store/runs';
import { ProviderError } from './classify';

/**
 * Turns a run's deliveries into complete messages; the template is compiled once per run, and the
 * rest of what the run froze when planned (merge locale, run-level fields, Cc/Bcc/Reply-To, files)
 * is read from the store once. Runs planned before message specs existed merge the template alone.
 */
export class MessageBuilder {
  private readonly template: CompiledMessageTemplate;
  private readonly domain: string;
  private readonly spec: MessageSpec | undefined;
  private readonly attachments: AttachmentLoader | undefined;

  constructor(private readonly run: RunRecord, private readonly sender: { name: string; email: string }, store: Db) {
    this.spec = findRunMessage(store, run.id)?.spec;
    this.attachments = this.spec && hasAttachments(this.spec) ? new AttachmentLoader(store, this.spec) : undefined;
    this.template = compileMessageTemplate({ subject: run.subject, html: run.html, text: run.text ?? undefined }, { locale: this.spec?.locale ?? undefined });
    this.domain = sender.email.split('@')[1] ?? 'seriatim.localhost';
  }

  /** The complete message for one delivery: merged, addressed, tagged, with the run's files and the recipient's own (PDFs protected). */
  async build(d: DeliveryRecord): Promise<OutgoingMessage> {
    const message = this.merge(d);
    if (!this.attachments) return message;
    try {
      return { ...message, attachments: [...this.attachments.shared(), ...(await this.attachments.forRow(d.values))] };
    } catch (err) {
      if (!(err instanceof AttachmentError)) throw err;
      throw new ProviderError({ code: err.code, kind: 'permanent', outcome: 'not-sent', message: err.message });
    }
  }

  private merge(d: DeliveryRecord): OutgoingMessage {
    const spec = this.spec;
    const merged = this.template.render(spec ? mergeValues(spec.fields, this.sender, d.index, d.values) : d.values);
    const addressing = spec ? resolveAddressing(spec, d.email, d.values) : undefined;
    return {
      from: { name: this.sender.name, address: this.sender.email },
      to: [d.email],
      ...(addressing?.cc.length ? { cc: addressing.cc } : {}),
      ...(addressing?.bcc.length ? { bcc: addressing.bcc } : {}),
      ...(addressing?.replyTo ? { replyTo: addressing.replyTo } : {}),
      subject: merged.subject,
      html: merged.html,
      text: merged.text,
      tag: { runId: this.run.id, deliveryId: d.id },
      // Stable per delivery, so an SMTP sent folder can be searched for it after a crash.
      messageId: `${d.id}@${this.domain}`,
    };
  }
}
