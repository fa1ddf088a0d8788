import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await startTestTenant({ sentCopyLagMs: 0 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 500 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

async function sendOne(tag: string, recipients?: string[]) {
  const draft = await tenant.graph("POST", "/me/messages", { body: draftBody(tag, recipients) });
  return tenant.graph("POST", `/me/messages/${draft.body.id}/send`);
}

describe("mailbox concurrency", () => {
  it("answers the fifth concurrent request with MailboxConcurrency 429 and Retry-After", async () => {
    const { graph, emulator, owner } = tenant;
    // Hold list requests inside the emulator so four are in flight at once, deterministically.
    const hold = emulator.faults.add({ method: "GET", path: "/me/messages", action: { type: "hold" } });
    const held = Array.from({ length: 4 }, () => graph("GET", "/me/messages"));
    await waitUntil(() => emulator.limits.inFlight("seriatim-emulated-app", owner.id) === 4);
    const fifth = await graph("GET", "/me/mailFolders");
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.code).toBe("ApplicationThrottled");
    expect(fifth.body.error.message).toContain("MailboxConcurrency");
    expect(Number(fifth.headers.get("retry-after"))).toBeGreaterThan(0);
    hold.release();
    expect((await Promise.all(held)).map((reply) => reply.status)).toEqual([200, 200, 200, 200]);
    expect((await graph("GET", "/me/mailFolders")).status).toBe(200);
    expect(emulator.limits.counters.concurrencyThrottled).toBe(1);
  });

  it("counts per app: another app on the same mailbox has its own four", async () => {
    const { graph, emulator, owner } = tenant;
    const hold = emulator.faults.add({ method: "GET", path: "/me/messages", action: { type: "hold" } });
    const held = Array.from({ length: 4 }, () => graph("GET", "/me/messages"));
    await waitUntil(() => emulator.limits.inFlight("seriatim-emulated-app", owner.id) === 4);
    const otherApp = emulator.issueToken(owner.id, { appId: "another-app" });
    expect((await graph("GET", "/me/mailFolders", { token: otherApp })).status).toBe(200);
    hold.release();
    await Promise.all(held);
  });
});

describe("request rate", () => {
  it("allows N requests per window per app and mailbox, then 429 with Retry-After", async () => {
    const { graph, emulator } = tenant;
    emulator.limits.configure({ requestsPerWindow: 5, requestWindowMs: 60_000 });
    for (let n = 0; n < 5; n++) expect((await graph("GET", "/me/mailFolders")).status).toBe(200);
    const refused = await graph("GET", "/me/mailFolders");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("ApplicationThrottled");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
    // Directory reads are not Outlook requests and do not count.
    expect((await graph("GET", "/me")).status).toBe(200);
    expect(emulator.limits.counters.requestRateThrottled).toBe(1);
  });
});

describe("Exchange sending limits", () => {
  it("refuses the message over the per-minute limit and counts the overshoot", async () => {
    const { emulator, owner } = tenant;
    emulator.limits.configure({ messagesPerWindow: 3 });
    for (let n = 0; n < 3; n++) expect((await sendOne(`m${n}`)).status).toBe(202);
    expect(emulator.limits.counters.messageRateExceeded).toBe(0);
    const refused = await sendOne("m3");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("ErrorExceededMessageLimit");
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(emulator.limits.counters.messageRateExceeded).toBe(1);
    expect(emulator.sentLog).toHaveLength(3);
    expect(emulator.messagesIn(owner.id, "drafts")).toHaveLength(1);
  });

  it("lets a shortened window pass and admits again", async () => {
    const { emulator } = tenant;
    emulator.limits.configure({ messagesPerWindow: 1, messageWindowMs: 100 });
    expect((await sendOne("w1")).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await sendOne("w2")).status).toBe(202);
    expect(emulator.limits.counters.messageRateExceeded).toBe(0);
  });

  it("counts recipients over the rolling window and refuses past the budget", async () => {
    const { emulator } = tenant;
    emulator.limits.configure({ recipientsPerWindow: 5 });
    expect((await sendOne("r1", ["a@x.test", "b@x.test", "c@x.test"])).status).toBe(202);
    const refused = await sendOne("r2", ["d@x.test", "e@x.test", "f@x.test"]);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("ErrorExceededMessageLimit");
    expect(emulator.limits.counters.recipientRateExceeded).toBe(1);
    expect((await sendOne("r3", ["d@x.test", "e@x.test"])).status).toBe(202);
  });
});
