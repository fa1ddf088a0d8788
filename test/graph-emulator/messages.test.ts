import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TAG_PROPERTY, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await startTestTenant({ sentCopyLagMs: 0 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

describe("internetMessageHeaders", () => {
  it("accepts x- headers and returns them only when selected", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("h1") });
    expect(draft.body.internetMessageHeaders).toBeUndefined();
    const selected = await graph("GET", `/me/messages/${draft.body.id}?$select=subject,internetMessageHeaders`);
    expect(selected.body.internetMessageHeaders).toEqual([{ name: "x-seriatim-delivery", value: "h1" }]);
    expect(Object.keys(selected.body).sort()).toEqual(["@odata.context", "@odata.etag", "id", "internetMessageHeaders", "subject"]);
  });

  it("rejects a header whose name does not start with x-", async () => {
    const { graph, emulator, owner } = tenant;
    const body = { ...draftBody("h2"), internetMessageHeaders: [{ name: "In-Reply-To", value: "<a@b>" }] };
    const reply = await graph("POST", "/me/messages", { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("InvalidInternetMessageHeader");
    expect(reply.body.error.message).toContain("'In-Reply-To'");
    expect(reply.body.error.innerError["request-id"]).toBe(reply.headers.get("request-id"));
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(0);
  });

  it("rejects headers over 5 KB in total", async () => {
    const body = { ...draftBody("h3"), internetMessageHeaders: [{ name: "X-Big", value: "v".repeat(5200) }] };
    const reply = await tenant.graph("POST", "/me/messages", { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("InvalidInternetMessageHeaderCollection");
  });
});

describe("singleValueExtendedProperties", () => {
  it("returns the property through $expand with a $filter on its id", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("run1:d7") });
    expect(draft.body.singleValueExtendedProperties).toBeUndefined();
    const expand = encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${TAG_PROPERTY}')`);
    const reply = await graph("GET", `/me/messages/${draft.body.id}?$expand=${expand}`);
    expect(reply.body.singleValueExtendedProperties).toEqual([{ id: TAG_PROPERTY, value: "run1:d7" }]);
  });

  it("finds messages by tag across folders, including after they are sent", async () => {
    const { graph } = tenant;
    const first = await graph("POST", "/me/messages", { body: draftBody("run1:d1") });
    await graph("POST", "/me/messages", { body: draftBody("run1:d2") });
    await graph("POST", `/me/messages/${first.body.id}/send`);
    const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${TAG_PROPERTY}' and ep/value eq 'run1:d1')`);
    const reply = await graph("GET", `/me/messages?$filter=${filter}&$select=subject,isDraft,parentFolderId`);
    expect(reply.status).toBe(200);
    expect(reply.body.value).toHaveLength(1);
    expect(reply.body.value[0].subject).toBe("Hello run1:d1");
    expect(reply.body.value[0].isDraft).toBe(false);
  });

  it("rejects a malformed property id", async () => {
    const body = { ...draftBody("x"), singleValueExtendedProperties: [{ id: "seriatimTag", value: "1" }] };
    const reply = await tenant.graph("POST", "/me/messages", { body });
    expect(reply.status).toBe(400);
  });
});

describe("drafts", () => {
  it("updates and deletes a draft, and refuses to edit a sent message", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/mailFolders/drafts/messages", { body: draftBody("p1") });
    const patched = await graph("PATCH", `/me/messages/${draft.body.id}`, { body: { subject: "Changed" } });
    expect(patched.body.subject).toBe("Changed");
    expect(patched.body.changeKey).not.toBe(draft.body.changeKey);
    const other = await graph("POST", "/me/messages", { body: draftBody("p2") });
    expect((await graph("DELETE", `/me/messages/${other.body.id}`)).status).toBe(204);
    expect((await graph("GET", `/me/messages/${other.body.id}`)).status).toBe(404);

    await graph("POST", `/me/messages/${draft.body.id}/send`);
    const sent = (await graph("GET", "/me/mailFolders/sentitems/messages")).body.value[0];
    const refused = await graph("PATCH", `/me/messages/${sent.id}`, { body: { subject: "Too late" } });
    expect(refused.status).toBe(400);
    expect((await graph("PATCH", `/me/messages/${sent.id}`, { body: { isRead: false } })).status).toBe(200);
  });

  it("records what was sent: recipients, headers, properties and attachments", async () => {
    const { graph, emulator, owner } = tenant;
    const body = { ...draftBody("s1", ["a@example.test"]), ccRecipients: [{ emailAddress: { address: "c@example.test" } }] };
    const draft = await graph("POST", "/me/messages", { body });
    await graph("POST", `/me/messages/${draft.body.id}/attachments`, {
      body: { "@odata.type": "#microsoft.graph.fileAttachment", name: "note.txt", contentType: "text/plain", contentBytes: Buffer.from("hi").toString("base64") },
    });
    await graph("POST", `/me/messages/${draft.body.id}/send`);
    expect(emulator.sentLog).toHaveLength(1);
    const record = emulator.sentLog[0];
    expect(record.mailbox).toBe(owner.id);
    expect(record.to).toEqual(["a@example.test"]);
    expect(record.cc).toEqual(["c@example.test"]);
    expect(record.headers).toEqual([{ name: "x-seriatim-delivery", value: "s1" }]);
    expect(record.extendedProperties[TAG_PROPERTY]).toBe("s1");
    expect(record.attachments).toEqual([{ name: "note.txt", size: 2, contentType: "text/plain", isInline: false, contentId: null }]);
    expect(record.internetMessageId).toBe(draft.body.internetMessageId);
  });

  it("refuses to send a draft without recipients and leaves it in Drafts", async () => {
    const { graph, emulator, owner } = tenant;
    const draft = await graph("POST", "/me/messages", { body: { subject: "Nobody" } });
    const reply = await graph("POST", `/me/messages/${draft.body.id}/send`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("ErrorInvalidRecipients");
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(1);
    expect(emulator.sentLog).toHaveLength(0);
  });
});

describe("mail folders", () => {
  it("creates folders and child folders, and refuses a duplicate name", async () => {
    const { graph } = tenant;
    const parent = await graph("POST", "/me/mailFolders", { body: { displayName: "Campaigns" } });
    expect(parent.status).toBe(201);
    const duplicate = await graph("POST", "/me/mailFolders", { body: { displayName: "campaigns" } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("ErrorFolderExists");
    const child = await graph("POST", `/me/mailFolders/${parent.body.id}/childFolders`, { body: { displayName: "2025" } });
    expect(child.body.parentFolderId).toBe(parent.body.id);
    const children = await graph("GET", `/me/mailFolders/${parent.body.id}/childFolders`);
    expect(children.body.value.map((folder: { displayName: string }) => folder.displayName)).toEqual(["2025"]);
    const found = await graph("GET", `/me/mailFolders?$filter=${encodeURIComponent("displayName eq 'Campaigns'")}`);
    expect(found.body.value[0].id).toBe(parent.body.id);
    expect((await graph("GET", "/me/mailFolders/inbox")).body.displayName).toBe("Inbox");
  });
});

describe("message lists and MIME", () => {
  it("counts a folder's messages with $count=true on every page, and pages with $top and $skip", async () => {
    const { graph } = tenant;
    for (const tag of ["c1", "c2", "c3"]) await graph("POST", "/me/messages", { body: draftBody(tag) });
    const first = await graph("GET", "/me/mailFolders/drafts/messages?$select=subject&$top=2&$count=true");
    expect(first.body["@odata.count"]).toBe(3);
    expect(first.body.value.map((m: { subject: string }) => m.subject)).toEqual(["Hello c3", "Hello c2"]);
    const second = await graph("GET", first.body["@odata.nextLink"]);
    expect(second.body["@odata.count"]).toBe(3);
    expect(second.body.value.map((m: { subject: string }) => m.subject)).toEqual(["Hello c1"]);
    expect((await graph("GET", "/me/mailFolders/drafts/messages?$top=1")).body["@odata.count"]).toBeUndefined();
    expect((await graph("GET", "/me/mailFolders/drafts/messages?$count=maybe")).status).toBe(400);
  });

  it("returns a message as MIME through $value, x- headers and attachments included", async () => {
    const { graph, emulator } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("m1", ["a@example.test"]) });
    await graph("POST", `/me/messages/${draft.body.id}/attachments`, {
      body: { "@odata.type": "#microsoft.graph.fileAttachment", name: "note.txt", contentType: "text/plain", contentBytes: Buffer.from("hi").toString("base64") },
    });
    await graph("POST", `/me/messages/${draft.body.id}/send`);
    const sent = (await graph("GET", "/me/mailFolders/sentitems/messages")).body.value[0];
    const reply = await fetch(`${emulator.url}/me/messages/${sent.id}/$value`, { headers: { Authorization: `Bearer ${tenant.token}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/plain");
    const mime = (await reply.text()).replace(/\r\n[ \t]+/g, " ");
    expect(mime).toMatch(/^Subject: Hello m1$/m);
    expect(mime).toMatch(/^x-seriatim-delivery: m1$/im);
    expect(mime).toContain(`Message-ID: ${sent.internetMessageId}`);
    expect(mime).toMatch(/^MIME-Version: 1\.0$/m);
    expect(mime).toContain('filename=note.txt');
    const missing = await fetch(`${emulator.url}/me/messages/nope/$value`, { headers: { Authorization: `Bearer ${tenant.token}` } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("ErrorItemNotFound");
  });
});
