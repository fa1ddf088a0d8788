import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPages, startTestTenant, TestTenant } from "./graph-test-client";

let tenant: TestTenant;
let hr: string;
let root: string;
let ids: Record<string, string>;

beforeAll(async () => {
  tenant = await startTestTenant();
  const { emulator } = tenant;
  const add = (name: string, extra: Record<string, string> = {}) =>
    emulator.addUser({ userPrincipalName: `${name}@contoso.test`, displayName: name, ...extra }).id;
  ids = {
    ayse: add("ayse", { birthday: "1990-05-17", hireDate: "2015-02-01", employeeHireDate: "2015-02-01", department: "HR", city: "Izmir" }),
    mehmet: add("mehmet"),
    olena: add("olena"),
    piotr: add("piotr"),
  };
  hr = emulator.addGroup({ displayName: "HR", members: [ids.ayse, ids.mehmet] }).id;
  const sales = emulator.addGroup({ displayName: "Sales", members: [ids.olena, ids.mehmet] }).id;
  root = emulator.addGroup({ displayName: "Everyone", members: [hr, sales, ids.piotr] }).id;
});

afterAll(async () => {
  await tenant.emulator.close();
});

describe("users", () => {
  it("serves /me as the token's user", async () => {
    const me = await tenant.graph("GET", "/me");
    expect(me.body.id).toBe(tenant.owner.id);
    expect(me.body["@odata.context"]).toBe(`${tenant.emulator.url}/$metadata#users/$entity`);
    expect(me.body.birthday).toBeUndefined();
  });

  it("returns birthday and hireDate on a single-user GET that selects them, by id or UPN", async () => {
    const select = "$select=displayName,birthday,hireDate,employeeHireDate,department,city";
    const byId = await tenant.graph("GET", `/users/${ids.ayse}?${select}`);
    expect(byId.body).toMatchObject({
      birthday: "1990-05-17T00:00:00Z",
      hireDate: "2015-02-01T00:00:00Z",
      employeeHireDate: "2015-02-01T00:00:00Z",
      department: "HR",
      city: "Izmir",
    });
    const byUpn = await tenant.graph("GET", `/users/AYSE@contoso.test?${select}`);
    expect(byUpn.body.birthday).toBe("1990-05-17T00:00:00Z");
  });

  it("fails a list that selects birthday, as Graph does", async () => {
    const reply = await tenant.graph("GET", "/users?$select=displayName,birthday");
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toContain("InvalidClientQueryException");
  });

  it("404s an unknown user", async () => {
    const reply = await tenant.graph("GET", "/users/nobody@contoso.test");
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("Request_ResourceNotFound");
  });
});

describe("groups", () => {
  it("lists direct members with their @odata.type", async () => {
    const reply = await tenant.graph("GET", `/groups/${root}/members`);
    expect(reply.body.value.map((member: Record<string, string>) => member["@odata.type"])).toEqual([
      "#microsoft.graph.group",
      "#microsoft.graph.group",
      "#microsoft.graph.user",
    ]);
  });

  it("flattens nested groups in transitiveMembers, each member once, across pages", async () => {
    const { items, pages } = await collectPages(tenant.graph, `/groups/${root}/transitiveMembers?$top=2`);
    expect(pages).toBe(3);
    const users = items.filter((member) => member["@odata.type"] === "#microsoft.graph.user").map((member) => member.id);
    expect(users.sort()).toEqual([ids.ayse, ids.mehmet, ids.olena, ids.piotr].sort());
    expect(items.filter((member) => member["@odata.type"] === "#microsoft.graph.group")).toHaveLength(2);
  });

  it("casts transitiveMembers to users", async () => {
    const reply = await tenant.graph("GET", `/groups/${root}/transitiveMembers/microsoft.graph.user?$select=id,displayName`);
    expect(reply.body.value).toHaveLength(4);
    expect(reply.body["@odata.context"]).toContain("#users(id,displayName)");
  });

  it("does not loop on a group cycle", async () => {
    const a = tenant.emulator.addGroup({ displayName: "A", members: [ids.piotr] });
    const b = tenant.emulator.addGroup({ displayName: "B", members: [a.id, hr] });
    tenant.emulator.store.directory.findGroup(a.id)?.memberIds.push(b.id);
    const reply = await tenant.graph("GET", `/groups/${a.id}/transitiveMembers`);
    expect(reply.body.value).toHaveLength(5);
  });
});
