import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftBody, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
});

afterAll(async () => {
  await tenant.emulator.close();
});

async function expectUnauthorized(token: string | null, message: RegExp) {
  const reply = await tenant.graph("GET", "/me/messages", { token });
  expect(reply.status).toBe(401);
  expect(reply.body.error.code).toBe("InvalidAuthenticationToken");
  expect(reply.body.error.message).toMatch(message);
  expect(reply.body.error.innerError["request-id"]).toBeTruthy();
  expect(reply.headers.get("www-authenticate")).toContain("Bearer");
}

describe("bearer tokens", () => {
  it("requires a token on every request", async () => {
    await expectUnauthorized(null, /empty/);
  });

  it("rejects a token that is not a JWT, and one the tenant never issued", async () => {
    await expectUnauthorized("not-a-token", /not well formed/);
    const forged = tenant.token.replace(/\.[^.]+$/, ".forgedsignature");
    await expectUnauthorized(forged, /validation failure/);
  });

  it("rejects an expired token", async () => {
    const expired = tenant.emulator.issueToken(tenant.owner.id, { expiresInSec: -1 });
    await expectUnauthorized(expired, /expired/);
  });

  it("maps each token to its own user for /me", async () => {
    const other = tenant.emulator.addUser({ userPrincipalName: "second@contoso.test" });
    const token = tenant.emulator.issueToken("second@contoso.test");
    const me = await tenant.graph("GET", "/me", { token });
    expect(me.body.id).toBe(other.id);
    await tenant.graph("POST", "/me/messages", { body: draftBody("mine"), token });
    expect(tenant.emulator.messagesIn(other.id, "drafts")).toHaveLength(1);
    expect(tenant.emulator.messagesIn(tenant.owner.id, "drafts")).toHaveLength(0);
  });

  it("refuses another user's mailbox to a delegated token, and names unknown users", async () => {
    const stranger = tenant.emulator.addUser({ userPrincipalName: "stranger@contoso.test" });
    const denied = await tenant.graph("GET", `/users/${stranger.id}/messages`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("ErrorAccessDenied");
    const own = await tenant.graph("GET", `/users/${tenant.owner.userPrincipalName}/mailFolders/inbox`);
    expect(own.status).toBe(200);
    const unknown = await tenant.graph("GET", "/users/ghost@contoso.test/messages");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("ErrorInvalidUser");
  });

  it("answers an unknown segment with Graph's 400", async () => {
    const reply = await tenant.graph("GET", "/me/calendarz");
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toBe("Resource not found for the segment 'calendarz'.");
  });
});
