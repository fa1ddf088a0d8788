import { NewContact } from "./address-book";

const GIVEN_NAMES = ["Ayşe", "Mehmet", "Olena", "Piotr", "Zeynep", "Jan", "Irina", "Can", "Małgorzata", "Emre", "Anna", "Dmytro"];
const SURNAMES = ["Yılmaz", "Kowalski", "Shevchenko", "Demir", "Nowak", "Ivanova", "Kaya", "Wiśniewska", "Öztürk", "Bondarenko"];
const COMPANIES = ["Karadeniz Gıda", "Marmara Lojistik", "Baltic Foods", "Dnipro Agro", "Ege Tekstil"];
const TITLES = ["General Manager", "Purchasing Manager", "Sales Director", "Accountant", "Engineer"];

/**
 * Deterministic contacts for volume tests: contact N always has the same name, company and
 * address, so a test can assert on any page without storing what it created.
 */
export function createSyntheticContacts(count: number, firstIndex = 1): NewContact[] {
  const contacts: NewContact[] = [];
  for (let n = firstIndex; n < firstIndex + count; n++) {
    const givenName = GIVEN_NAMES[n % GIVEN_NAMES.length];
    const surname = SURNAMES[n % SURNAMES.length];
    const month = String((n % 12) + 1).padStart(2, "0");
    const day = String((n % 28) + 1).padStart(2, "0");
    contacts.push({
      givenName,
      surname,
      displayName: `${givenName} ${surname} ${n}`,
      companyName: COMPANIES[n % COMPANIES.length],
      jobTitle: TITLES[n % TITLES.length],
      birthday: `19${60 + (n % 40)}-${month}-${day}T11:59:00Z`,
      emailAddresses: [{ name: `${givenName} ${surname}`, address: `contact${n}@example.test` }],
      businessPhones: [`+90 212 555 ${String(n % 10000).padStart(4, "0")}`],
    });
  }
  return contacts;
}
