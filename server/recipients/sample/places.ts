/**
 * Where the sample people and companies are: countries with their dialling codes, phone number
 * shapes, currencies and salary ranges, office cities, and business regions with their cities and
 * the local words companies there are named after.
 */
import type { SampleLanguage } from './transliterate';

/** ISO 3166 codes of the sample countries. */
export type SampleCountry = 'TR' | 'RU' | 'PL' | 'SK' | 'GB';

/** The sectors sample companies work in. */
export type Sector = 'food' | 'textile' | 'construction' | 'logistics' | 'retail' | 'automotive' | 'energy' | 'agriculture';

/** Every sector, in a fixed order. */
export const SECTORS: readonly Sector[] = ['food', 'textile', 'construction', 'logistics', 'retail', 'automotive', 'energy', 'agriculture'];

/** A business region: its name, cities, and words local companies put in their names. */
export interface Region {
  name: string;
  cities: readonly string[];
  brands: readonly string[];
}

/** Everything country-specific the generators need. */
export interface CountryProfile {
  country: SampleCountry;
  language: SampleLanguage;
  dialCode: string;
  /** National significant numbers: a prefix, then random digits up to `nationalLength`. */
  mobilePrefixes: readonly string[];
  /** Landline area code (the first digits of the national number) of every city used. */
  areaCodes: Readonly<Record<string, string>>;
  nationalLength: number;
  currency: string;
  /** Monthly gross salary: lowest, highest, rounding step. */
  salary: readonly [number, number, number];
  officeCities: readonly string[];
  regions: readonly Region[];
  sectorWords: Readonly<Record<Sector, string>>;
  /** Builds a company name from a brand word, a sector word and a legal form. */
  companyName: (brand: string, sectorWord: string, form: string) => string;
  legalForms: readonly string[];
}

const TR: CountryProfile = {
  country: 'TR', language: 'tr', dialCode: '90', nationalLength: 10, currency: 'TRY', salary: [30000, 160000, 500],
  mobilePrefixes: ['530', '532', '533', '535', '536', '537', '538', '539', '541', '542', '543', '544', '505', '506', '552', '553', '555'],
  areaCodes: {
    Trabzon: '462', Samsun: '362', Rize: '464', Ordu: '452', Zonguldak: '372', İstanbul: '212', Bursa: '224', Kocaeli: '262',
    Tekirdağ: '282', Çanakkale: '286', İzmir: '232', Manisa: '236', Aydın: '256', Denizli: '258', Muğla: '252', Ankara: '312',
    Konya: '332', Kayseri: '352', Eskişehir: '222', Sivas: '346', Antalya: '242', Adana: '322', Mersin: '324', Hatay: '326',
  },
  officeCities: ['İstanbul', 'İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Trabzon'],
  regions: [
    { name: 'Black Sea', cities: ['Trabzon', 'Samsun', 'Rize', 'Ordu', 'Zonguldak'], brands: ['Karadeniz', 'Yeşilırmak', 'Fırtına', 'Çoruh'] },
    { name: 'Marmara', cities: ['İstanbul', 'Bursa', 'Kocaeli', 'Tekirdağ', 'Çanakkale'], brands: ['Marmara', 'Boğaziçi', 'Uludağ', 'Haliç'] },
    { name: 'Aegean', cities: ['İzmir', 'Manisa', 'Aydın', 'Denizli', 'Muğla'], brands: ['Ege', 'Gediz', 'Menderes', 'Kordon'] },
    { name: 'Central Anatolia', cities: ['Ankara', 'Konya', 'Kayseri', 'Eskişehir', 'Sivas'], brands: ['Anadolu', 'Kapadokya', 'Kızılırmak', 'Erciyes'] },
    { name: 'Mediterranean', cities: ['Antalya', 'Adana', 'Mersin', 'Hatay'], brands: ['Akdeniz', 'Toros', 'Çukurova'] },
  ],
  sectorWords: {
    food: 'Gıda', textile: 'Tekstil', construction: 'İnşaat', logistics: 'Lojistik', retail: 'Mağazacılık',
    automotive: 'Otomotiv', energy: 'Enerji', agriculture: 'Tarım',
  },
  legalForms: ['A.Ş.', 'Ltd. Şti.', 'San. ve Tic. A.Ş.'],
  companyName: (brand, word, form) => `${brand} ${word} ${form}`,
};

const RU: CountryProfile = {
  country: 'RU', language: 'ru', dialCode: '7', nationalLength: 10, currency: 'RUB', salary: [60000, 320000, 1000],
  mobilePrefixes: ['903', '905', '910', '911', '912', '915', '916', '917', '921', '925', '926', '950', '960', '977', '985', '999'],
  areaCodes: {
    Москва: '495', Тула: '4872', Ярославль: '4852', Воронеж: '473', 'Санкт-Петербург': '812', Калининград: '4012',
    Мурманск: '8152', 'Великий Новгород': '8162', Казань: '843', 'Нижний Новгород': '831', Самара: '846',
    Екатеринбург: '343', Челябинск: '351', Тюмень: '3452', Новосибирск: '383', Омск: '3812', Красноярск: '391',
    'Ростов-на-Дону': '863', Краснодар: '861', Волгоград: '8442',
  },
  officeCities: ['Москва', 'Москва', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск'],
  regions: [
    { name: 'Central', cities: ['Москва', 'Тула', 'Ярославль', 'Воронеж'], brands: ['Ока', 'Центр', 'Подмосковье'] },
    { name: 'Northwestern', cities: ['Санкт-Петербург', 'Калининград', 'Мурманск', 'Великий Новгород'], brands: ['Нева', 'Ладога', 'Северная'] },
    { name: 'Volga', cities: ['Казань', 'Нижний Новгород', 'Самара'], brands: ['Волга', 'Кама'] },
    { name: 'Urals', cities: ['Екатеринбург', 'Челябинск', 'Тюмень'], brands: ['Урал', 'Исеть'] },
    { name: 'Siberian', cities: ['Новосибирск', 'Омск', 'Красноярск'], brands: ['Сибирь', 'Енисей', 'Обь'] },
    { name: 'Southern', cities: ['Ростов-на-Дону', 'Краснодар', 'Волгоград'], brands: ['Дон', 'Кубань'] },
  ],
  sectorWords: {
    food: 'Продукт', textile: 'Текстиль', construction: 'Строй', logistics: 'Логистик', retail: 'Торг',
    automotive: 'Авто', energy: 'Энерго', agriculture: 'Агро',
  },
  legalForms: ['ООО', 'АО'],
  companyName: (brand, word, form) => `${form} «${brand}-${word}»`,
};

const PL: CountryProfile = {
  country: 'PL', language: 'pl', dialCode: '48', nationalLength: 9, currency: 'PLN', salary: [5000, 24000, 100],
  mobilePrefixes: ['501', '502', '512', '533', '600', '601', '602', '604', '660', '691', '693', '721', '781', '790', '881', '885'],
  areaCodes: {
    Warszawa: '22', Radom: '48', Płock: '24', Kraków: '12', Tarnów: '14', 'Nowy Sącz': '18', Gdańsk: '58', Gdynia: '58',
    Słupsk: '59', Wrocław: '71', Legnica: '76', Wałbrzych: '74', Poznań: '61', Kalisz: '62', Gniezno: '61', Łódź: '42',
    'Piotrków Trybunalski': '44', Katowice: '32', Gliwice: '32', 'Bielsko-Biała': '33',
  },
  officeCities: ['Warszawa', 'Warszawa', 'Kraków', 'Gdańsk', 'Wrocław', 'Łódź', 'Poznań'],
  regions: [
    { name: 'Masovian', cities: ['Warszawa', 'Radom', 'Płock'], brands: ['Mazowsze', 'Wisła'] },
    { name: 'Lesser Poland', cities: ['Kraków', 'Tarnów', 'Nowy Sącz'], brands: ['Wawel', 'Dunajec'] },
    { name: 'Pomeranian', cities: ['Gdańsk', 'Gdynia', 'Słupsk'], brands: ['Bałtyk', 'Kaszuby'] },
    { name: 'Lower Silesian', cities: ['Wrocław', 'Legnica', 'Wałbrzych'], brands: ['Odra', 'Karkonosze'] },
    { name: 'Greater Poland', cities: ['Poznań', 'Kalisz', 'Gniezno'], brands: ['Warta', 'Lednica'] },
    { name: 'Łódź', cities: ['Łódź', 'Piotrków Trybunalski'], brands: ['Pilica', 'Włókniarz'] },
    { name: 'Silesian', cities: ['Katowice', 'Gliwice', 'Bielsko-Biała'], brands: ['Śląsk', 'Beskidy'] },
  ],
  sectorWords: {
    food: 'Żywność', textile: 'Tekstylia', construction: 'Budownictwo', logistics: 'Logistyka', retail: 'Handel',
    automotive: 'Motoryzacja', energy: 'Energia', agriculture: 'Agro',
  },
  legalForms: ['sp. z o.o.', 'S.A.'],
  companyName: (brand, word, form) => `${brand} ${word} ${form}`,
};

const SK: CountryProfile = {
  country: 'SK', language: 'sk', dialCode: '421', nationalLength: 9, currency: 'EUR', salary: [1100, 5200, 50],
  mobilePrefixes: ['901', '902', '903', '904', '905', '907', '908', '910', '911', '915', '917', '940', '944', '948', '949', '950'],
  areaCodes: {
    Bratislava: '2', Pezinok: '33', Malacky: '34', Košice: '55', Michalovce: '56', 'Spišská Nová Ves': '53', Žilina: '41',
    Martin: '43', Ružomberok: '44', Prešov: '51', Poprad: '52', Bardejov: '54', 'Banská Bystrica': '48', Zvolen: '45',
    Lučenec: '47', Nitra: '37', Komárno: '35', 'Nové Zámky': '35',
  },
  officeCities: ['Bratislava', 'Bratislava', 'Košice', 'Žilina', 'Banská Bystrica'],
  regions: [
    { name: 'Bratislava Region', cities: ['Bratislava', 'Pezinok', 'Malacky'], brands: ['Dunaj', 'Devín'] },
    { name: 'Košice Region', cities: ['Košice', 'Michalovce', 'Spišská Nová Ves'], brands: ['Hornád', 'Zemplín'] },
    { name: 'Žilina Region', cities: ['Žilina', 'Martin', 'Ružomberok'], brands: ['Fatra', 'Váh'] },
    { name: 'Prešov Region', cities: ['Prešov', 'Poprad', 'Bardejov'], brands: ['Tatry', 'Šariš'] },
    { name: 'Banská Bystrica Region', cities: ['Banská Bystrica', 'Zvolen', 'Lučenec'], brands: ['Hron', 'Poľana'] },
    { name: 'Nitra Region', cities: ['Nitra', 'Komárno', 'Nové Zámky'], brands: ['Žitava', 'Podunajsko'] },
  ],
  sectorWords: {
    food: 'Potraviny', textile: 'Textil', construction: 'Stavby', logistics: 'Logistika', retail: 'Obchod',
    automotive: 'Auto', energy: 'Energia', agriculture: 'Agro',
  },
  legalForms: ['s.r.o.', 'a.s.'],
  companyName: (brand, word, form) => `${brand} ${word} ${form}`,
};

// UK numbers come from Ofcom's ranges reserved for drama (07700 900xxx, 020 7946 0xxx, 01632 960xxx
// where a city has no range of its own), so that no sample number belongs to anyone.
const GB: CountryProfile = {
  country: 'GB', language: 'en', dialCode: '44', nationalLength: 10, currency: 'GBP', salary: [2100, 8500, 50],
  mobilePrefixes: ['7700900'],
  areaCodes: {
    London: '2079460', Manchester: '1614960', Liverpool: '1514960', Preston: '1632960', Edinburgh: '1314960',
    Glasgow: '1414960', Aberdeen: '1632960', Bristol: '1174960', Exeter: '1632960', Plymouth: '1632960', Leeds: '1134960',
    Sheffield: '1144960', York: '1632960',
  },
  officeCities: ['London', 'London', 'Manchester', 'Edinburgh'],
  regions: [
    { name: 'Greater London', cities: ['London'], brands: ['Thames', 'Southwark'] },
    { name: 'North West', cities: ['Manchester', 'Liverpool', 'Preston'], brands: ['Pennine', 'Mersey'] },
    { name: 'Scotland', cities: ['Edinburgh', 'Glasgow', 'Aberdeen'], brands: ['Highland', 'Clyde'] },
    { name: 'South West', cities: ['Bristol', 'Exeter', 'Plymouth'], brands: ['Severn', 'Cotswold'] },
    { name: 'Yorkshire and the Humber', cities: ['Leeds', 'Sheffield', 'York'], brands: ['Dales', 'Humber'] },
  ],
  sectorWords: {
    food: 'Foods', textile: 'Textiles', construction: 'Construction', logistics: 'Logistics', retail: 'Retail',
    automotive: 'Motors', energy: 'Energy', agriculture: 'Farms',
  },
  legalForms: ['Ltd', 'plc'],
  companyName: (brand, word, form) => `${brand} ${word} ${form}`,
};

/** Country profiles by language. */
export const COUNTRIES: Readonly<Record<SampleLanguage, CountryProfile>> = { tr: TR, ru: RU, pl: PL, sk: SK, en: GB };

/** A phone number in E.164 (`+905321234567`) built from a prefix and random digits. */
export function phoneNumber(profile: CountryProfile, prefix: string, digit: () => number): string {
  let national = prefix;
  while (national.length < profile.nationalLength) national += String(digit());
  return `+${profile.dialCode}${national}`;
}
