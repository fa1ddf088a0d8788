import type { Folder, MessageTag } from '../../shared/api';
import type { PacerLimits } from '../../server/engine/pacer';
import type { Mailbox, MailboxProvider, OutgoingMessage, SentReceipt } from '../../server/providers/mailbox';
import { formatTag } from '../../server/providers/mailbox';

/** One message that reached the (fake) mail server: every accepted send is one more message out. */
export interface Accepted { tag: string; to: string[]; recipients: number; at: number }

/** What the script decides for one send call: accept it, refuse it, or accept it and still throw (the answer got lost). */
export type Verdict = { accept: true; thenThrow?: Error; delayMs?: number } | { accept: false; error: Error; delayMs?: number };

const FOLDER: Folder = { id: 'sentitems', name: 'Sent Items', parentId: null, wellKnownName: 'sentitems', messageCount: 0 };

/**
 * A test double of an external mail service, behind the real `Mailbox` interface: like a real
 * server (and unlike the idempotent local mailbox) it sends a second copy when asked twice, so a
 * duplicate shows. A script decides each call's fate; `findSent` can be made to fail.
 */
export class ScriptedProvider implements MailboxProvider {
  readonly name = 'local' as const;
  readonly accepted: Accepted[] = [];
  readonly calls: Array<{ tag: string; at: number }> = [];
  readonly refusals: Array<{ tag: string; at: number; code: string }> = [];
  findSentCalls = 0;
  script: (message: OutgoingMessage, call: number) => Verdict = () => ({ accept: true });
  findSentScript: (tag: MessageTag) => Error | undefined = () => undefined;

  constructor(readonly limits: PacerLimits) {}

  open(): Mailbox {
    return {
      provider: 'local',
      listFolders: async () => [FOLDER],
      findFolder: async (idOrName) => (['sentitems', 'sent items'].includes(idOrName.toLowerCase()) ? FOLDER : undefined),
      createFolder: async () => {
        throw new Error('not supported by the scripted mailbox');
      },
      send: (message) => this.send(message),
      findSent: async (tag) => this.findSent(tag),
      listMessages: async () => ({ total: 0, messages: [], nextOffset: null }),
      getMessage: async () => {
        throw new Error('not supported by the scripted mailbox');
      },
      getRawMessage: async () => {
        throw new Error('not supported by the scripted mailbox');
      },
    };
  }

  /** Accepted messages per tag; more than one is a duplicate. */
  copiesByTag(): Map<string, number> {
    const copies = new Map<string, number>();
    for (const a of this.accepted) copies.set(a.tag, (copies.get(a.tag) ?? 0) + 1);
    return copies;
  }

  private async send(message: OutgoingMessage): Promise<SentReceipt> {
    const tag = formatTag(message.tag);
    const at = Date.now();
    this.calls.push({ tag, at });
    const verdict = this.script(message, this.calls.length);
    if (verdict.delayMs) await new Promise((r) => setTimeout(r, verdict.delayMs));
    if (!verdict.accept) {
      this.refusals.push({ tag, at, code: (verdict.error as { code?: string }).code ?? 'ERROR' });
      throw verdict.error;
    }
    const to = [...message.to, ...(message.cc ?? []), ...(message.bcc ?? [])];
    this.accepted.push({ tag, to, recipients: to.length, at });
    if (verdict.thenThrow) throw verdict.thenThrow;
    return { messageId: message.messageId, providerId: `${tag}#${this.accepted.length}` };
  }

  private findSent(tag: MessageTag): SentReceipt | undefined {
    this.findSentCalls++;
    const error = this.findSentScript(tag);
    if (error) throw error;
    const key = formatTag(tag);
    const found = this.accepted.find((a) => a.tag === key);
    return found && { messageId: `${tag.deliveryId}@example.com`, providerId: key };
  }
}
