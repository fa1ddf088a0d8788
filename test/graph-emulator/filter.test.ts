import { describe, expect, it } from "vitest";
import { GraphError } from "./errors";
import { compileFilter } from "./filter";

const KNOWN = new Set(["subject", "isDraft", "receivedDateTime", "importance", "singleValueExtendedProperties", "emailAddresses", "size"]);
const message = {
  subject: "Doğum günün kutlu olsun",
  isDraft: false,
  importance: "high",
  size: 12,
  receivedDateTime: "2025-03-01T09:00:00Z",
  singleValueExtendedProperties: [{ id: "String {8d4a3e1c-5b2f-4c7a-9e6d-1f0b2a3c4d5e} Name seriatimTag", value: "run7:d42" }],
  emailAddresses: [{ address: "a@example.test" }, { address: "b@example.test" }],
};

function matches(filter: string): boolean {
  return compileFilter(filter, KNOWN, "Microsoft.OutlookServices.Message")(message);
}

describe("$filter", () => {
  it("matches an extended property id with its GUID in any case but its Name exactly, and its value in any case", () => {
    expect(matches("singleValueExtendedProperties/Any(ep: ep/id eq 'String {8D4A3E1C-5B2F-4C7A-9E6D-1F0B2A3C4D5E}  Name seriatimTag' and ep/value eq 'run7:d42')")).toBe(true);
    expect(matches("singleValueExtendedProperties/any(ep: ep/value eq 'RUN7:D42')")).toBe(true);
    expect(matches("singleValueExtendedProperties/any(ep: ep/id eq 'String {8d4a3e1c-5b2f-4c7a-9e6d-1f0b2a3c4d5e} Name SERIATIMTAG')")).toBe(false);
    expect(matches("singleValueExtendedProperties/any(ep: ep/value eq 'run7:d43')")).toBe(false);
  });

  it("compares booleans, strings, numbers and bare dates", () => {
    expect(matches("isDraft eq false and importance eq 'HIGH'")).toBe(true);
    expect(matches("receivedDateTime ge 2025-03-01T00:00:00Z and receivedDateTime lt 2025-03-02T00:00:00Z")).toBe(true);
    expect(matches("size gt 12 or size le 11")).toBe(false);
    expect(matches("not (isDraft eq true)")).toBe(true);
  });

  it("supports startswith, contains and all() over collections", () => {
    expect(matches("startswith(subject, 'doğum')")).toBe(true);
    expect(matches("contains(subject,'kutlu')")).toBe(true);
    expect(matches("emailAddresses/all(a: endswith(a/address, '@example.test'))")).toBe(true);
  });

  it("unescapes doubled quotes in string literals", () => {
    const filter = compileFilter("subject eq 'O''Brien'", KNOWN, "x");
    expect(filter({ subject: "O'Brien" })).toBe(true);
  });

  it("fails on unknown properties and on syntax errors with Graph's 400", () => {
    expect(() => matches("colour eq 'red'")).toThrow(GraphError);
    expect(() => matches("subject eq")).toThrow(/Invalid filter clause/);
    expect(() => matches("subject eq 'open")).toThrow(/Invalid filter clause/);
  });
});
