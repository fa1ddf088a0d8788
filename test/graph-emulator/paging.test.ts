import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPages, draftBody, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;

beforeAll(async () => {
  tenant = await startTestTenant();
  tenant.emulator.addContacts(tenant.owner.id, 10_050);
  tenant.emulator.addContacts(tenant.owner.id, 25, "Clients");
  for (let n = 0; n < 85; n++) {
    tenant.emulator.addUser({ userPrincipalName: `user${n}@contoso.test`, department: n % 2 === 0 ? "Sales" : "Finance" });
  }
});

afterAll(async () => {
  await tenant.emulator.close();
});

describe("contacts", () => {
  it("pages through 10,050 contacts with $top and $select, each once", async () => {
    const { items, pages } = await collectPages(tenant.graph, "/me/contacts?$top=1000&$select=displayName,emailAddresses");
    expect(pages).toBe(11);
    expect(items).toHaveLength(10_050);
    expect(new Set(items.map((contact) => contact.id)).size).toBe(10_050);
    expect(Object.keys(items[0]).sort()).toEqual(["@odata.etag", "displayName", "emailAddresses", "id"]);
    expect(items[10_049].emailAddresses[0].address).toBe("contact10050@example.test");
  });

  it("uses a default page of 10 and a nextLink that keeps the query", async () => {
    const first = await tenant.graph("GET", "/me/contacts?$select=displayName");
    expect(first.body.value).toHaveLength(10);
    const next = new URL(first.body["@odata.nextLink"]);
    expect(next.searchParams.get("$skip")).toBe("10");
    expect(next.searchParams.get("$select")).toBe("displayName");
    expect(first.body["@odata.context"]).toBe(`${tenant.emulator.url}/$metadata#users('${tenant.owner.id}')/contacts`);
  });

  it("lists contact folders and the contacts of one folder", async () => {
    const folders = await tenant.graph("GET", "/me/contactFolders");
    expect(folders.body.value.map((folder: { displayName: string }) => folder.displayName)).toEqual(["Clients"]);
    const { items } = await collectPages(tenant.graph, `/me/contactFolders/${folders.body.value[0].id}/contacts?$top=10`);
    expect(items).toHaveLength(25);
  });
});

describe("messages", () => {
  it("pages a folder newest first with $top, and filters before paging", async () => {
    const { graph } = tenant;
    for (let n = 0; n < 23; n++) {
      await graph("POST", "/me/messages", { body: { ...draftBody(`p${n}`), importance: n % 3 === 0 ? "high" : "normal" } });
    }
    const { items, pages } = await collectPages(graph, "/me/mailFolders/drafts/messages?$top=5&$select=subject");
    expect(pages).toBe(5);
    expect(items).toHaveLength(23);
    expect(items[0].subject).toBe("Hello p22");
    const high = await collectPages(graph, `/me/messages?$filter=${encodeURIComponent("importance eq 'high'")}&$top=3`);
    expect(high.items).toHaveLength(8);
  });

  it("fails on a filter naming a property messages do not have", async () => {
    const reply = await tenant.graph("GET", `/me/messages?$filter=${encodeURIComponent("colour eq 'red'")}`);
    expect(reply.status).toBe(400);
  });
});

describe("directory", () => {
  it("pages users 100 at a time with an opaque $skiptoken", async () => {
    const first = await tenant.graph("GET", "/users");
    expect(first.body.value).toHaveLength(86);
    const { items, pages } = await collectPages(tenant.graph, "/users?$top=20&$select=id,department");
    expect(pages).toBe(5);
    expect(items).toHaveLength(86);
    const link = (await tenant.graph("GET", "/users?$top=20")).body["@odata.nextLink"];
    expect(new URL(link).searchParams.get("$skiptoken")).toBeTruthy();
  });

  it("refuses a directory page size over 999", async () => {
    const reply = await tenant.graph("GET", "/users?$top=1000");
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("Request_BadRequest");
  });

  it("filters users by department", async () => {
    const { items } = await collectPages(tenant.graph, `/users?$filter=${encodeURIComponent("department eq 'sales'")}&$select=department`);
    expect(items).toHaveLength(43);
  });
});
