import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeEach(async () => {
  // A long lag: each test decides when the sent copy lands, so nothing depends on timing.
  tenant = await startTestTenant({ sentCopyLagMs: 60_000 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

describe("default ids", () => {
  it("retires the draft's id on send and gives the Sent Items copy a new one", async () => {
    const { graph, emulator, owner } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("d1") });
    expect(draft.status).toBe(201);
    expect(draft.body.isDraft).toBe(true);
    expect(draft.body.parentFolderId).toBe(emulator.mailbox(owner.id).wellKnownId("drafts"));

    const sent = await graph("POST", `/me/messages/${draft.body.id}/send`);
    expect(sent.status).toBe(202);
    expect(sent.body).toBeUndefined();
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(0);

    emulator.flushSentCopies();
    const gone = await graph("GET", `/me/messages/${draft.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("ErrorItemNotFound");

    const copies = await graph("GET", "/me/mailFolders/sentitems/messages");
    expect(copies.body.value).toHaveLength(1);
    const copy = copies.body.value[0];
    expect(copy.id).not.toBe(draft.body.id);
    expect(copy.isDraft).toBe(false);
    expect(copy.internetMessageId).toBe(draft.body.internetMessageId);
  });

  it("gives a moved message a new id and 404s the old one", async () => {
    const { graph } = tenant;
    const folder = await graph("POST", "/me/mailFolders", { body: { displayName: "Seriatim" } });
    const draft = await graph("POST", "/me/messages", { body: draftBody("m1") });
    const moved = await graph("POST", `/me/messages/${draft.body.id}/move`, { body: { destinationId: folder.body.id } });
    expect(moved.status).toBe(201);
    expect(moved.body.id).not.toBe(draft.body.id);
    expect(moved.body.parentFolderId).toBe(folder.body.id);
    expect((await graph("GET", `/me/messages/${draft.body.id}`)).status).toBe(404);
    expect((await graph("GET", `/me/messages/${moved.body.id}`)).status).toBe(200);
  });
});

describe("immutable ids", () => {
  it("keeps the draft's id through send: 404 while in transit, then the Sent Items copy", async () => {
    const { graph, emulator, owner } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("i1"), immutable: true });
    expect(draft.headers.get("preference-applied")).toBe('IdType="ImmutableId"');
    const id = draft.body.id;

    expect((await graph("POST", `/me/messages/${id}/send`, { immutable: true })).status).toBe(202);
    // Graph documents that the copy is not created until the message has been sent.
    const early = await graph("GET", `/me/messages/${id}`, { immutable: true });
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe("ErrorItemNotFound");

    emulator.flushSentCopies();
    const copy = await graph("GET", `/me/messages/${id}`, { immutable: true });
    expect(copy.status).toBe(200);
    expect(copy.body.id).toBe(id);
    expect(copy.body.isDraft).toBe(false);
    expect(copy.body.parentFolderId).toBe(emulator.mailbox(owner.id).wellKnownId("sentitems"));
  });

  it("keeps the id through a move to another folder", async () => {
    const { graph } = tenant;
    const folder = await graph("POST", "/me/mailFolders", { body: { displayName: "Filed" } });
    const draft = await graph("POST", "/me/messages", { body: draftBody("i2"), immutable: true });
    const moved = await graph("POST", `/me/messages/${draft.body.id}/move`, {
      body: { destinationId: folder.body.id },
      immutable: true,
    });
    expect(moved.body.id).toBe(draft.body.id);
    const again = await graph("GET", `/me/messages/${draft.body.id}`, { immutable: true });
    expect(again.body.parentFolderId).toBe(folder.body.id);
  });

  it("lands the sent copy by itself once the lag has passed", async () => {
    const { graph, emulator } = tenant;
    emulator.sentCopyLagMs = 50;
    const draft = await graph("POST", "/me/messages", { body: draftBody("i3"), immutable: true });
    await graph("POST", `/me/messages/${draft.body.id}/send`, { immutable: true });
    let status = 404;
    for (let attempt = 0; attempt < 100 && status === 404; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await graph("GET", `/me/messages/${draft.body.id}`, { immutable: true })).status;
    }
    expect(status).toBe(200);
  });

  it("accepts an immutable id even on a request without the Prefer header, but answers with REST ids", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("i4"), immutable: true });
    const plain = await graph("GET", `/me/messages/${draft.body.id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.id).not.toBe(draft.body.id);
    expect(plain.headers.get("preference-applied")).toBeNull();
  });
});
