import type { OutgoingAttachment } from '../mailbox';
import type { GraphApi } from './client';
import { buildFileAttachment, buildUploadRanges, buildUploadSession } from './requests';

const messagePath = (draftId: string) => `/me/messages/${encodeURIComponent(draftId)}`;

/** POSTs an attachment under 3 MB to a draft. */
export async function postAttachment(api: GraphApi, draftId: string, a: OutgoingAttachment): Promise<void> {
  await api.post(`${messagePath(draftId)}/attachments`, buildFileAttachment(a));
}

/**
 * Attaches a file of 3–150 MB through an upload session: ranges are PUT in order to the session's
 * pre-authenticated URL. A failure abandons the session; the whole draft is then rebuilt, since a
 * half-uploaded attachment is never reused.
 */
export async function uploadAttachment(api: GraphApi, draftId: string, a: OutgoingAttachment): Promise<void> {
  const session = await api.post<{ uploadUrl: string }>(`${messagePath(draftId)}/attachments/createUploadSession`, buildUploadSession(a));
  const bytes = a.content;
  for (const range of buildUploadRanges(bytes.byteLength)) {
    await api.putBytes(session.uploadUrl, bytes.subarray(range.start, range.end + 1), range.contentRange);
  }
}
