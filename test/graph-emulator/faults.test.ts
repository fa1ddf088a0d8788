import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TAG_PROPERTY, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await startTestTenant({ sentCopyLagMs: 0 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

async function createDraft(tag: string): Promise<string> {
  const draft = await tenant.graph("POST", "/me/messages", { body: draftBody(tag), immutable: true });
  return draft.body.id;
}

async function findByTag(tag: string) {
  const filter = encodeURIComponent(`singleValueExtendedProperties/Any(ep: ep/id eq '${TAG_PROPERTY}' and ep/value eq '${tag}')`);
  return (await tenant.graph("GET", `/me/messages?$filter=${filter}&$select=isDraft`, { immutable: true })).body.value;
}

describe("faults around send", () => {
  it("sends and then resets the connection: the client sees an error, the message went out", async () => {
    const { graph, emulator, owner } = tenant;
    const id = await createDraft("reset-after");
    emulator.faults.add({ method: "POST", path: /\/send$/, phase: "after", action: { type: "reset" } });
    await expect(graph("POST", `/me/messages/${id}/send`, { immutable: true })).rejects.toThrow();
    expect(emulator.sentLog).toHaveLength(1);
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(0);
    // What a recovering provider finds: the stored immutable id now names a sent item.
    const found = await graph("GET", `/me/messages/${id}?$select=isDraft,parentFolderId`, { immutable: true });
    expect(found.body.isDraft).toBe(false);
    expect(found.body.parentFolderId).toBe(emulator.mailbox(owner.id).wellKnownId("sentitems"));
    expect(await findByTag("reset-after")).toHaveLength(1);
  });

  it("sends and then answers 504: the outcome is unknown to the client, known to the test", async () => {
    const { graph, emulator } = tenant;
    const id = await createDraft("504-after");
    emulator.faults.add({ method: "POST", path: /\/send$/, phase: "after", action: { type: "status", status: 504 } });
    const reply = await graph("POST", `/me/messages/${id}/send`, { immutable: true });
    expect(reply.status).toBe(504);
    expect(emulator.sentLog).toHaveLength(1);
  });

  it("fails before sending: nothing goes out and the draft stays", async () => {
    const { graph, emulator, owner } = tenant;
    const id = await createDraft("503-before");
    emulator.faults.add({ method: "POST", path: /\/send$/, action: { type: "status", status: 503 } });
    const reply = await graph("POST", `/me/messages/${id}/send`, { immutable: true });
    expect(reply.status).toBe(503);
    expect(reply.headers.get("retry-after")).toBeTruthy();
    expect(emulator.sentLog).toHaveLength(0);
    const draft = await graph("GET", `/me/messages/${id}?$select=isDraft`, { immutable: true });
    expect(draft.body.isDraft).toBe(true);
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(1);
  });

  it("resets before sending: nothing goes out", async () => {
    const { graph, emulator } = tenant;
    const id = await createDraft("reset-before");
    emulator.faults.add({ method: "POST", path: /\/send$/, times: 1, action: { type: "reset" } });
    await expect(graph("POST", `/me/messages/${id}/send`, { immutable: true })).rejects.toThrow();
    expect(emulator.sentLog).toHaveLength(0);
    expect((await graph("POST", `/me/messages/${id}/send`, { immutable: true })).status).toBe(202);
    expect(emulator.sentLog).toHaveLength(1);
  });
});

describe("fault selection", () => {
  it("fires on the Nth matching request only", async () => {
    const { graph, emulator } = tenant;
    const rule = emulator.faults.add({ method: "GET", path: "/me/mailFolders", nth: 3, action: { type: "status", status: 503 } });
    const statuses = [];
    for (let n = 0; n < 5; n++) statuses.push((await graph("GET", "/me/mailFolders")).status);
    expect(statuses).toEqual([200, 200, 503, 200, 200]);
    expect(rule.matched).toBe(5);
    expect(rule.fired).toBe(1);
  });

  it("replays the same random faults for the same seed", async () => {
    const { graph, emulator } = tenant;
    const run = async () => {
      emulator.faults.clear();
      emulator.faults.seed(42);
      emulator.faults.add({ path: "/me/mailFolders", probability: 0.5, action: { type: "status", status: 503 } });
      const statuses = [];
      for (let n = 0; n < 12; n++) statuses.push((await graph("GET", "/me/mailFolders")).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it("slows a reply down without changing it", async () => {
    const { graph, emulator } = tenant;
    emulator.faults.add({ path: "/me", action: { type: "delay", ms: 50 } });
    const reply = await graph("GET", "/me");
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(tenant.owner.id);
  });
});
