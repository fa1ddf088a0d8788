import { describe, expect, it } from 'vitest';
import { COMPANY_PARENT_DOMAIN, sampleCompanies } from './companies';
import type { Company } from './companies';
import { flattenCompanies } from './flatten';
import { CONTACT_TITLES } from './jobs';
import { COUNTRIES, SECTORS } from './places';

const ADDRESS = /^[a-z0-9]+([.-][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*\.example\.org$/;
const DIAL = { TR: '+90', RU: '+7', PL: '+48', SK: '+421', GB: '+44' };

function allAddresses(companies: Company[]): string[] {
  return companies.flatMap((c) => [c.email, ...c.contactPersons.map((p) => p.email)]);
}

describe('sampleCompanies', () => {
  const companies = sampleCompanies();

  it('is deterministic for a seed and differs between seeds', () => {
    expect(sampleCompanies(1)).toEqual(companies);
    expect(sampleCompanies(7).map((c) => c.name)).not.toEqual(companies.map((c) => c.name));
  });

  it.each([1, 2, 3, 42, 2026])('gives 50 distinct companies with 1–4 contacts and exactly one default contact (seed %i)', (seed) => {
    const list = sampleCompanies(seed);
    expect(list).toHaveLength(50);
    expect(new Set(list.map((c) => c.id)).size).toBe(50);
    expect(new Set(list.map((c) => c.name)).size).toBe(50);
    expect(new Set(list.map((c) => c.domain)).size).toBe(50);
    for (const c of list) {
      expect(c.contactPersons.length, c.name).toBeGreaterThanOrEqual(1);
      expect(c.contactPersons.length, c.name).toBeLessThanOrEqual(4);
      expect(c.contactPersons.filter((p) => p.isDefault), c.name).toHaveLength(1);
    }
    const addresses = allAddresses(list);
    expect(new Set(addresses.map((a) => a.toLowerCase())).size).toBe(addresses.length);
  });

  it('gives every company a general info@ address and its people addresses on the same reserved domain', () => {
    for (const c of companies) {
      expect(c.domain.endsWith(`.${COMPANY_PARENT_DOMAIN}`)).toBe(true);
      expect(c.email).toBe(`info@${c.domain}`);
      for (const p of c.contactPersons) {
        expect(p.email, p.email).toMatch(ADDRESS);
        expect(p.email.endsWith(`@${c.domain}`)).toBe(true);
      }
    }
  });

  it('spreads over sectors, countries and regions, with each city in its region and local phone numbers', () => {
    expect(new Set(companies.map((c) => c.sector)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(companies.map((c) => c.country))).toEqual(new Set(['TR', 'RU', 'PL', 'SK', 'GB']));
    const turkishRegions = new Set(companies.filter((c) => c.country === 'TR').map((c) => c.region));
    for (const region of ['Black Sea', 'Marmara']) expect(turkishRegions.has(region), region).toBe(true);
    for (const c of companies) {
      expect(SECTORS).toContain(c.sector);
      const region = COUNTRIES[c.language].regions.find((r) => r.name === c.region);
      expect(region?.cities, `${c.name} in ${c.city}`).toContain(c.city);
      expect(c.phone.startsWith(`${DIAL[c.country]}${COUNTRIES[c.language].areaCodes[c.city]}`), c.phone).toBe(true);
      for (const p of c.contactPersons) expect(p.phone.startsWith(DIAL[c.country]), p.phone).toBe(true);
    }
  });

  it('names companies and people in the local language and gives contacts plausible titles and ages', () => {
    expect(companies.some((c) => /«.+»/.test(c.name) && /[А-я]/.test(c.name))).toBe(true);
    expect(companies.some((c) => /A\.Ş\./.test(c.name))).toBe(true);
    expect(companies.some((c) => /sp\. z o\.o\.|S\.A\./.test(c.name))).toBe(true);
    expect(companies.some((c) => /s\.r\.o\.|a\.s\./.test(c.name))).toBe(true);
    for (const c of companies) {
      const titles = c.contactPersons.map((p) => p.title);
      expect(new Set(titles).size, c.name).toBe(titles.length);
      for (const p of c.contactPersons) {
        expect(CONTACT_TITLES).toContain(p.title);
        expect(p.age).toBeGreaterThanOrEqual(24);
        expect(p.age).toBeLessThanOrEqual(67);
        if (c.language === 'ru') expect(`${p.firstName}${p.lastName}`).toMatch(/^[А-ЯЁа-яё-]+$/);
      }
    }
  });

  it.each([1, 2, 3, 42])('always has food companies in the Black Sea and Marmara regions led by a general manager over 35 (seed %i)', (seed) => {
    const matches = sampleCompanies(seed).filter((c) => {
      const head = c.contactPersons.find((p) => p.isDefault)!;
      return c.sector === 'food' && ['Black Sea', 'Marmara'].includes(c.region) && head.title === 'General Manager' && head.age > 35;
    });
    expect(matches.length).toBeGreaterThanOrEqual(3);
    expect(new Set(matches.map((c) => c.region))).toEqual(new Set(['Black Sea', 'Marmara']));
  });
});

describe('flattenCompanies', () => {
  const companies = sampleCompanies();
  const people = companies.reduce((n, c) => n + c.contactPersons.length, 0);

  it('gives one row per company address, default contact or other contact as chosen', () => {
    const count = (general: boolean, defaultContact: boolean, otherContacts: boolean) =>
      flattenCompanies(companies, { general, defaultContact, otherContacts }).length;
    expect(count(true, false, false)).toBe(50);
    expect(count(false, true, false)).toBe(50);
    expect(count(false, false, true)).toBe(people - 50);
    expect(count(true, true, true)).toBe(50 + people);
    expect(count(false, true, true)).toBe(people);
    expect(count(false, false, false)).toBe(0);
  });

  it('keeps each company together: general address, then default contact, then the others', () => {
    const rows = flattenCompanies(companies, { general: true, defaultContact: true, otherContacts: true });
    const first = companies[0];
    const head = rows.slice(0, 1 + first.contactPersons.length);
    expect(head.map((r) => r.recipientType)).toEqual(['company', 'defaultContact', ...Array(first.contactPersons.length - 1).fill('otherContact')]);
    expect(head.every((r) => r.companyId === first.id)).toBe(true);
    expect(rows[head.length]?.companyId).toBe(companies[1].id);
  });

  it('fills company fields on every row and person fields only on person rows', () => {
    const c = companies.find((x) => x.contactPersons.length > 1)!;
    const [general, ...persons] = flattenCompanies([c], { general: true, defaultContact: true, otherContacts: true });
    expect(general).toMatchObject({
      recipientType: 'company', email: c.email, displayName: c.name, firstName: null, lastName: null, title: null, age: null,
      companyName: c.name, companyEmail: c.email, sector: c.sector, region: c.region, city: c.city, country: c.country,
    });
    const byEmail = new Map(c.contactPersons.map((p) => [p.email, p]));
    for (const row of persons) {
      const p = byEmail.get(row.email)!;
      expect(row).toMatchObject({ firstName: p.firstName, lastName: p.lastName, title: p.title, age: p.age, companyName: c.name, sector: c.sector });
      expect(row.displayName).toBe(`${p.firstName} ${p.lastName}`);
      expect(row.recipientType).toBe(p.isDefault ? 'defaultContact' : 'otherContact');
    }
  });
});
