import { compileMessageTemplate, type CompiledMessageTemplate } from '../../shared/merge';
import type { OutgoingMessage } from '../providers/mailbox';
import type { DeliveryRecord } from '../store/deliveries';
import type { RunRecord } from '../store/runs';

/** Turns a run's deliveries into complete messages; the template is compiled once per run. */
export class MessageBuilder {
  private readonly template: CompiledMessageTemplate;
  private readonly domain: string;

  constructor(private readonly run: RunRecord, private readonly sender: { name: string; email: string }) {
    this.template = compileMessageTemplate({ subject: run.subject, html: run.html, text: run.text ?? undefined });
    this.domain = sender.email.split('@')[1] ?? 'seriatim.localhost';
  }

  /** The merged, addressed and tagged message for one delivery. */
  build(d: DeliveryRecord): OutgoingMessage {
    const merged = this.template.render(d.values);
    return {
      from: { name: this.sender.name, address: this.sender.email },
      to: [d.email],
      subject: merged.subject,
      html: merged.html,
      text: merged.text,
      tag: { runId: this.run.id, deliveryId: d.id },
      // Stable per delivery, so an SMTP sent folder can be searched for it after a crash.
      messageId: `${d.id}@${this.domain}`,
    };
  }
}
