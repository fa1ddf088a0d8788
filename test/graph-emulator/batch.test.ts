import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeEach(async () => {
  tenant = await startTestTenant({ sentCopyLagMs: 0 });
});

afterEach(async () => {
  await tenant.emulator.close();
});

function getRequests(paths: string[]) {
  return paths.map((url, index) => ({ id: String(index + 1), method: "GET", url }));
}

describe("$batch", () => {
  it("answers each inner request inside a 200, correlated by id", async () => {
    const { graph } = tenant;
    const draft = await graph("POST", "/me/messages", { body: draftBody("b1") });
    const reply = await graph("POST", "/$batch", {
      body: { requests: getRequests(["/me", `/me/messages/${draft.body.id}?$select=subject`, "me/mailFolders/nowhere"]) },
    });
    expect(reply.status).toBe(200);
    const byId = Object.fromEntries(reply.body.responses.map((response: { id: string }) => [response.id, response]));
    expect(byId["1"].status).toBe(200);
    expect(byId["1"].body.id).toBe(tenant.owner.id);
    expect(byId["2"].body.subject).toBe("Hello b1");
    expect(byId["3"].status).toBe(404);
    expect(byId["3"].body.error.code).toBe("ErrorItemNotFound");
  });

  it("refuses more than 20 requests with a 400", async () => {
    const reply = await tenant.graph("POST", "/$batch", { body: { requests: getRequests(Array(21).fill("/me")) } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("BadRequest");
  });

  it("gives an inner request its own 429 and Retry-After while the batch is a 200", async () => {
    const { graph, emulator } = tenant;
    emulator.faults.add({ method: "GET", path: /^\/me\/mailFolders\/inbox$/, nth: 2, action: { type: "status", status: 429, retryAfterSec: 7 } });
    const reply = await graph("POST", "/$batch", {
      body: { requests: getRequests(["/me/mailFolders/inbox", "/me/mailFolders/inbox", "/me/mailFolders/inbox"]) },
    });
    expect(reply.status).toBe(200);
    const throttled = reply.body.responses.filter((response: { status: number }) => response.status === 429);
    expect(throttled).toHaveLength(1);
    expect(throttled[0].headers["Retry-After"]).toBe("7");
    expect(throttled[0].body.error.code).toBe("ApplicationThrottled");
  });

  it("runs dependsOn in order and fails dependants of a failed request with 424", async () => {
    const { graph } = tenant;
    const reply = await graph("POST", "/$batch", {
      body: {
        requests: [
          { id: "1", method: "POST", url: "/me/mailFolders", headers: { "Content-Type": "application/json" }, body: { displayName: "Batch" } },
          { id: "2", method: "POST", url: "/me/mailFolders", headers: { "Content-Type": "application/json" }, body: { displayName: "Batch" }, dependsOn: ["1"] },
          { id: "3", method: "GET", url: "/me/mailFolders", dependsOn: ["2"] },
        ],
      },
    });
    const statuses = Object.fromEntries(reply.body.responses.map((response: { id: string; status: number }) => [response.id, response.status]));
    expect(statuses).toEqual({ "1": 201, "2": 409, "3": 424 });
  });

  it("counts inner requests against mailbox concurrency", async () => {
    const { graph, emulator, owner } = tenant;
    // One request of the same app held outside the batch leaves three slots for its four inner requests.
    const hold = emulator.faults.add({ method: "GET", path: "/me/mailFolders", action: { type: "hold" } });
    const outside = graph("GET", "/me/mailFolders");
    while (emulator.limits.inFlight("seriatim-emulated-app", owner.id) < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const batch = await graph("POST", "/$batch", { body: { requests: getRequests(Array(4).fill("/me/mailFolders/inbox")) } });
    const statuses = batch.body.responses.map((response: { status: number }) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429]);
    hold.release();
    expect((await outside).status).toBe(200);
  });
});
