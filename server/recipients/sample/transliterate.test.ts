import { describe, expect, it } from 'vitest';
import { asciiName, domainLabel, emailLocalPart, feminineSurname } from './transliterate';

describe('asciiName', () => {
  it.each([
    ['Şükrü', 'sukru'],
    ['İnce', 'ince'],
    ['Işıl', 'isil'],
    ['Çiğdem Ağaoğlu', 'cigdemagaoglu'],
    ['Ярослав', 'yaroslav'],
    ['Соловьёв', 'solovev'],
    ['Щербаков', 'shcherbakov'],
    ['Юлия', 'yuliya'],
    ['Żaneta', 'zaneta'],
    ['Łukasz Ślusarczyk', 'lukaszslusarczyk'],
    ['Ľubomír', 'lubomir'],
    ['Šťastná', 'stastna'],
    ['Ďuriš', 'duris'],
    ["O'Brien", 'obrien'],
    ['Lloyd-Jones', 'lloyd-jones'],
    ['Zoë', 'zoe'],
  ])('%s → %s', (name, ascii) => {
    expect(asciiName(name)).toBe(ascii);
  });

  it('leaves only lowercase ASCII letters, digits and inner hyphens', () => {
    expect(asciiName(' -Anne–Marie- ')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('emailLocalPart and domainLabel', () => {
  it('joins given name and surname with a dot', () => {
    expect(emailLocalPart('Ğülşen', 'Öztürk')).toBe('gulsen.ozturk');
    expect(emailLocalPart('Фёдор', 'Журавлёв')).toBe('fedor.zhuravlev');
  });

  it('makes a DNS label from company words, dropping quotes and legal punctuation', () => {
    expect(domainLabel('Karadeniz Gıda')).toBe('karadeniz-gida');
    expect(domainLabel('«Волга-Логистик»')).toBe('volga-logistik');
    expect(domainLabel('Wawel Żywność')).toBe('wawel-zywnosc');
  });
});

describe('feminineSurname', () => {
  it.each([
    ['ru', 'Иванов', 'Иванова'],
    ['ru', 'Соловьёв', 'Соловьёва'],
    ['ru', 'Ильин', 'Ильина'],
    ['ru', 'Вишневский', 'Вишневская'],
    ['ru', 'Шевченко', 'Шевченко'],
    ['pl', 'Kowalski', 'Kowalska'],
    ['pl', 'Głowacki', 'Głowacka'],
    ['pl', 'Zawadzki', 'Zawadzka'],
    ['pl', 'Nowak', 'Nowak'],
    ['sk', 'Šťastný', 'Šťastná'],
    ['sk', 'Čierny', 'Čierna'],
    ['sk', 'Horváth', 'Horváthová'],
    ['sk', 'Hruška', 'Hrušková'],
    ['sk', 'Šimko', 'Šimková'],
    ['tr', 'Yılmaz', 'Yılmaz'],
    ['en', 'Smith', 'Smith'],
  ] as const)('%s %s → %s', (language, male, female) => {
    expect(feminineSurname(language, male)).toBe(female);
  });
});
