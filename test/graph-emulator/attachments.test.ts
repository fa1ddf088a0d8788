import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TestTenant } from "./graph-test-client";

const KIB = 1024;
const MB = 1024 * KIB;
let tenant: TestTenant;

beforeEach(async () => {
  tenant = await startTestTenant({ sentCopyLagMs: 0 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

function fileAttachment(name: string, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return { "@odata.type": "#microsoft.graph.fileAttachment", name, contentType: "application/pdf", contentBytes: bytes.toString("base64"), ...extra };
}

function patternedBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

async function putRange(uploadUrl: string, bytes: Buffer, start: number, end: number, total: number) {
  // Outlook's upload URL is pre-authenticated: no Authorization header.
  const response = await fetch(uploadUrl, {
    method: "PUT",
    headers: { "Content-Type": "application/octet-stream", "Content-Range": `bytes ${start}-${end}/${total}` },
    body: new Uint8Array(bytes.subarray(start, end + 1)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe("simple attachments", () => {
  it("adds a file under 3 MB and returns it with $expand=attachments", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("a1") });
    const added = await graph("POST", `/me/messages/${draft.body.id}/attachments`, { body: fileAttachment("payslip.pdf", patternedBytes(2 * MB)) });
    expect(added.status).toBe(201);
    expect(added.body.size).toBe(2 * MB);
    const message = await graph("GET", `/me/messages/${draft.body.id}?$expand=attachments`);
    expect(message.body.hasAttachments).toBe(true);
    expect(message.body.attachments[0].name).toBe("payslip.pdf");
    expect(Buffer.from(message.body.attachments[0].contentBytes, "base64").equals(patternedBytes(2 * MB))).toBe(true);
  });

  it("keeps isInline and contentId, and does not count inline images in hasAttachments", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("a2") });
    await graph("POST", `/me/messages/${draft.body.id}/attachments`, {
      body: fileAttachment("logo.png", patternedBytes(100), { contentType: "image/png", isInline: true, contentId: "logo@seriatim" }),
    });
    const message = await graph("GET", `/me/messages/${draft.body.id}?$expand=attachments`);
    expect(message.body.hasAttachments).toBe(false);
    expect(message.body.attachments[0]).toMatchObject({ isInline: true, contentId: "logo@seriatim", contentType: "image/png" });
  });

  it("refuses a file of 3 MB or more in a single POST", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("a3") });
    const reply = await graph("POST", `/me/messages/${draft.body.id}/attachments`, { body: fileAttachment("big.pdf", patternedBytes(3 * MB + 1)) });
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toContain("4MB");
  });
});

describe("upload sessions", () => {
  it("uploads a 5 MB file in 320 KiB-multiple chunks and attaches it", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("u1"), immutable: true });
    const size = 5 * MB;
    const bytes = patternedBytes(size);
    const session = await graph("POST", `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      body: { AttachmentItem: { attachmentType: "file", name: "report.pdf", size, contentType: "application/pdf" } },
      immutable: true,
    });
    expect(session.status).toBe(201);
    expect(session.body.nextExpectedRanges).toEqual(["0-"]);
    const chunk = 10 * 320 * KIB;
    let start = 0;
    let last;
    while (start < size) {
      const end = Math.min(start + chunk, size) - 1;
      last = await putRange(session.body.uploadUrl, bytes, start, end, size);
      if (end < size - 1) {
        expect(last.status).toBe(200);
        expect(last.body.nextExpectedRanges).toEqual([String(end + 1)]);
      }
      start = end + 1;
    }
    expect(last?.status).toBe(201);
    const attachmentId = /Attachments\('([^']+)'\)/.exec(last?.headers.get("location") ?? "")?.[1];
    const attachment = await graph("GET", `/me/messages/${draft.body.id}/attachments/${attachmentId}`, { immutable: true });
    expect(attachment.body).toMatchObject({ name: "report.pdf", size, isInline: false });
    const raw = await fetch(`${tenant.emulator.url}/me/messages/${draft.body.id}/attachments/${attachmentId}/$value`, {
      headers: { Authorization: `Bearer ${tenant.token}` },
    });
    expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("refuses a chunk that is not a multiple of 320 KiB, and one out of order", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("u2") });
    const size = 4 * MB;
    const bytes = patternedBytes(size);
    const session = await graph("POST", `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      body: { AttachmentItem: { attachmentType: "file", name: "x.bin", size } },
    });
    expect((await putRange(session.body.uploadUrl, bytes, 0, 999_999, size)).status).toBe(400);
    expect((await putRange(session.body.uploadUrl, bytes, 327_680, 655_359, size)).status).toBe(416);
    expect((await putRange(session.body.uploadUrl, bytes, 0, 327_679, size)).status).toBe(200);
  });

  it("refuses a session for a file under 3 MB, or one that would pass 150 MB", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("u3") });
    const small = await graph("POST", `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      body: { AttachmentItem: { attachmentType: "file", name: "s.bin", size: MB } },
    });
    expect(small.body.error.code).toBe("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
    const huge = await graph("POST", `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      body: { AttachmentItem: { attachmentType: "file", name: "h.bin", size: 151 * MB } },
    });
    expect(huge.body.error.code).toBe("ErrorMessageSizeExceeded");
  });

  it("rejects a PUT with a wrong authtoken", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("u4") });
    const session = await graph("POST", `/me/messages/${draft.body.id}/attachments/createUploadSession`, {
      body: { AttachmentItem: { attachmentType: "file", name: "x.bin", size: 4 * MB } },
    });
    const forged = session.body.uploadUrl.replace(/authtoken=.*/, "authtoken=forged");
    expect((await putRange(forged, patternedBytes(4 * MB), 0, 327_679, 4 * MB)).status).toBe(401);
  });
});

describe("attachments that are not files", () => {
  it("keeps an attached Outlook item and a cloud link with their own @odata.type, and no bytes or Content-ID", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", {
      body: {
        ...draftBody("n1"),
        attachments: [
          { "@odata.type": "#microsoft.graph.itemAttachment", name: "Agenda", item: { "@odata.type": "#microsoft.graph.message", subject: "Agenda" } },
          { "@odata.type": "#microsoft.graph.referenceAttachment", name: "Budget.xlsx", sourceUrl: "https://contoso.sharepoint.com/Budget.xlsx" },
        ],
      },
    });
    expect(draft.status).toBe(201);
    const listed = await graph("GET", `/me/messages/${draft.body.id}/attachments?$select=id,name,contentType,size,isInline,contentId`);
    expect(listed.body.value.map((a: Record<string, unknown>) => [a["@odata.type"], a.name, "contentBytes" in a])).toEqual([
      ["#microsoft.graph.itemAttachment", "Agenda", false],
      ["#microsoft.graph.referenceAttachment", "Budget.xlsx", false],
    ]);
    const item = await fetch(`${tenant.emulator.url}/me/messages/${draft.body.id}/attachments/${listed.body.value[0].id}/$value`, {
      headers: { Authorization: `Bearer ${tenant.token}` },
    });
    expect(await item.text()).toContain("Subject: Agenda");
    const link = await graph("GET", `/me/messages/${draft.body.id}/attachments/${listed.body.value[1].id}/$value`);
    expect(link.status).toBe(400);
    const unknown = await graph("POST", `/me/messages/${draft.body.id}/attachments`, { body: { "@odata.type": "#microsoft.graph.other", name: "x" } });
    expect(unknown.body.error.code).toBe("ErrorInvalidAttachmentType");
  });
});

describe("drafts saved by the Outlook client", () => {
  it("are 404 ErrorItemNotFound until they have synced, by either id kind, then readable with their attachments", async () => {
    const { graph, emulator, owner } = tenant;
    const saved = emulator.saveOutlookDraft(owner.id, { ...draftBody("s1"), attachments: [fileAttachment("a.pdf", patternedBytes(10))] }, { syncLagMs: 150 });
    const early = await graph("GET", `/me/messages/${saved.restId}`);
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe("ErrorItemNotFound");
    expect((await graph("GET", `/me/messages/${saved.immutableId}`, { immutable: true })).status).toBe(404);
    expect((await graph("GET", "/me/mailFolders/drafts/messages")).body.value).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const late = await graph("GET", `/me/messages/${saved.restId}?$expand=attachments`);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ subject: "Hello s1", isDraft: true });
    expect(late.body.attachments.map((a: { name: string }) => a.name)).toEqual(["a.pdf"]);
  });

  it("are visible at once by default", async () => {
    const saved = tenant.emulator.saveOutlookDraft(tenant.owner.id, draftBody("s2"));
    expect((await tenant.graph("GET", `/me/messages/${saved.restId}`)).status).toBe(200);
  });
});
