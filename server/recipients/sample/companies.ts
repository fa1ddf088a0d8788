/**
 * A deterministic client list for CRM demos and tests: 50 companies in Turkey, Russia, Poland,
 * Slovakia and the UK, each with a general address and one to four contact persons, exactly one
 * of whom is the default contact. Some Turkish food companies in the Black Sea and Marmara
 * regions are always there with a general manager over 35 as default contact, so the classic
 * campaign filter has an audience whatever the seed.
 */
import { CONTACT_TITLES } from './jobs';
import { NAMES } from './names';
import { COUNTRIES, SECTORS, phoneNumber } from './places';
import type { CountryProfile, Region, SampleCountry, Sector } from './places';
import { createRandom } from './prng';
import type { Random } from './prng';
import { domainLabel, emailLocalPart, feminineSurname } from './transliterate';
import type { SampleLanguage } from './transliterate';

/** A person to write to at a client company. */
export interface ContactPerson {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  title: string;
  email: string;
  phone: string;
  age: number;
  isDefault: boolean;
}

/** A client company with its general address and contact persons. */
export interface Company {
  id: string;
  name: string;
  sector: Sector;
  region: string;
  city: string;
  country: SampleCountry;
  language: SampleLanguage;
  domain: string;
  email: string;
  phone: string;
  contactPersons: ContactPerson[];
}

/** How many companies sampleCompanies() returns. */
export const SAMPLE_COMPANY_COUNT = 50;

/** The parent domain of every sample company's domain (reserved for examples by RFC 2606). */
export const COMPANY_PARENT_DOMAIN = 'example.org';

const COUNTRY_MIX: Record<SampleLanguage, number> = { tr: 20, ru: 10, pl: 8, sk: 7, en: 5 };

interface Anchor {
  sector: Sector;
  region: string;
}

// Fixed so that "general managers over 35 in food, Black Sea or Marmara" always matches someone.
const TURKISH_ANCHORS: Anchor[] = [
  { sector: 'food', region: 'Black Sea' },
  { sector: 'food', region: 'Marmara' },
  { sector: 'food', region: 'Black Sea' },
  { sector: 'textile', region: 'Marmara' },
];

function makeContact(random: Random, language: SampleLanguage, title: string, ages: [number, number], domain: string, used: Set<string>): ContactPerson {
  const profile = COUNTRIES[language];
  const gender = random.chance(0.45) ? 'female' : 'male';
  const firstName = random.pick(gender === 'female' ? NAMES[language].female : NAMES[language].male);
  const surname = random.pick(NAMES[language].surnames);
  const lastName = gender === 'female' ? feminineSurname(language, surname) : surname;
  const local = emailLocalPart(firstName, lastName);
  let candidate = local;
  for (let n = 2; used.has(`${candidate}@${domain}`); n++) candidate = `${local}${n}`;
  used.add(`${candidate}@${domain}`);
  return {
    firstName,
    lastName,
    gender,
    title,
    email: `${candidate}@${domain}`,
    phone: phoneNumber(profile, random.pick(profile.mobilePrefixes), () => random.int(0, 9)),
    age: random.int(ages[0], ages[1]),
    isDefault: false,
  };
}

function makeContacts(random: Random, language: SampleLanguage, anchored: boolean, domain: string, used: Set<string>): ContactPerson[] {
  const count = anchored ? random.int(2, 4) : random.pick([1, 2, 2, 3, 3, 3, 4, 4]);
  const head = anchored || random.chance(0.75) ? 'General Manager' : 'Owner';
  const others = random.shuffle(CONTACT_TITLES.slice(2)).slice(0, count - 1);
  const contacts = [
    makeContact(random, language, head, anchored ? [36, 62] : [32, 66], domain, used),
    ...others.map((title) => makeContact(random, language, title, [24, 62], domain, used)),
  ];
  // Usually the head of the company is the default contact; sometimes purchasing or sales is.
  const chosen = anchored || contacts.length === 1 || random.chance(0.75) ? 0 : random.int(1, contacts.length - 1);
  contacts[chosen].isDefault = true;
  return contacts;
}

function placeCompany(random: Random, profile: CountryProfile, anchor: Anchor | undefined, taken: Set<string>): { region: Region; sector: Sector; brand: string } {
  for (let attempt = 0; attempt < 200; attempt++) {
    const region = anchor ? profile.regions.find((r) => r.name === anchor.region)! : random.pick(profile.regions);
    const sector = anchor?.sector ?? random.pick(SECTORS);
    const brand = random.pick(region.brands);
    const key = `${brand}|${sector}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return { region, sector, brand };
  }
  throw new Error(`cannot place another distinct ${profile.country} company`);
}

function makeCompany(random: Random, language: SampleLanguage, anchor: Anchor | undefined, taken: Set<string>, used: Set<string>): Omit<Company, 'id'> {
  const profile = COUNTRIES[language];
  const { region, sector, brand } = placeCompany(random, profile, anchor, taken);
  const word = profile.sectorWords[sector];
  const city = random.pick(region.cities);
  const domain = `${domainLabel(`${brand} ${word}`)}.${COMPANY_PARENT_DOMAIN}`;
  used.add(`info@${domain}`);
  return {
    name: profile.companyName(brand, word, random.pick(profile.legalForms)),
    sector,
    region: region.name,
    city,
    country: profile.country,
    language,
    domain,
    email: `info@${domain}`,
    phone: phoneNumber(profile, profile.areaCodes[city], () => random.int(0, 9)),
    contactPersons: makeContacts(random, language, anchor !== undefined, domain, used),
  };
}

/** 50 sample client companies; the same seed always gives the same companies and people. */
export function sampleCompanies(seed = 1): Company[] {
  const random = createRandom(seed ^ 0x5eed);
  const specs = (Object.entries(COUNTRY_MIX) as Array<[SampleLanguage, number]>).flatMap(([language, n]) =>
    Array.from({ length: n }, (_, i) => ({ language, anchor: language === 'tr' ? TURKISH_ANCHORS[i] : undefined })),
  );
  const taken = new Set<string>();
  const used = new Set<string>();
  // Anchors are placed first so random companies cannot take their brand-sector pairs; the list is shuffled afterwards.
  const companies = specs.map((spec) => makeCompany(random, spec.language, spec.anchor, taken, used));
  return random.shuffle(companies).map((company, i) => ({ id: `co-${String(i + 1).padStart(2, '0')}`, ...company }));
}
