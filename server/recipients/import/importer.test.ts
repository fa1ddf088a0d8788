import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error';
import { parseRecipientFile } from './importer';
import type { ParseInput } from './types';

const PEOPLE = [
  ['Şükrü Öztürk', 'sukru@firma.com.tr'],
  ['Ğülşen İnce', 'gulsen@firma.com.tr'],
  ['Ярослав Дьяченко', 'yaroslav@firma.ru'],
  ['Żaneta Gąsiorowska', 'zaneta@firma.pl'],
  ['Ľubomír Šťastný', 'lubomir@firma.sk'],
];

function csv(text: string, encoding = 'utf-8', fileName = 'liste.csv'): ParseInput {
  return { bytes: iconv.encode(text, encoding), fileName };
}

async function failure(input: ParseInput): Promise<ImportError> {
  try {
    await parseRecipientFile(input);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Liste'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('parseRecipientFile with CSV', () => {
  it.each([
    ['windows-1254', 0, 2],
    ['windows-1251', 2, 3],
    ['koi8-r', 2, 3],
    ['windows-1250', 3, 5],
    ['utf-8', 0, 5],
    ['utf-16le', 0, 5],
  ])('reads names in %s', async (encoding, from, to) => {
    const people = PEOPLE.slice(from, to);
    const text = `Ad Soyad;E-posta\n${people.map((p) => p.join(';')).join('\n')}\n`;
    const list = await parseRecipientFile({ bytes: iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf-16') }), fileName: 'a.csv' });
    expect(list.encoding).toBe(encoding);
    expect(list.rows).toEqual(people.map(([name, email]) => ({ 'Ad Soyad': name, 'E-posta': email })));
  });

  it('reads a full HR export: title, sep line, types, conventions, problems', async () => {
    const text = [
      'sep=;',
      'Personel listesi 2026',
      '',
      'Sicil No;Ad Soyad;E-posta;Doğum tarihi;Maaş;Telefon;Aktif',
      '00123;Şükrü Öztürk;sukru@firma.com.tr;12.03.1985;12.500,50;+90 532 123 45 67;evet',
      '00124;"Ğülşen\nİnce";gulsen@firma;31.02.2026;8.750;0532 765 43 21;hayır',
      '00125;Ayşe Kaya;ayse@firma.com.tr;1.4.1990;9.100,25;0212 555 12 34;Evet;fazla',
    ].join('\r\n');
    const list = await parseRecipientFile(csv(text, 'windows-1254', 'personel.csv'));
    expect(list).toMatchObject({ fileName: 'personel.csv', format: 'csv', encoding: 'windows-1254', delimiter: ';', headerRow: 4, emailColumn: 'E-posta' });
    expect(list.columns.map((c) => [c.name, c.type])).toEqual([
      ['Sicil No', 'text'], ['Ad Soyad', 'text'], ['E-posta', 'email'], ['Doğum tarihi', 'date'],
      ['Maaş', 'number'], ['Telefon', 'phone'], ['Aktif', 'boolean'],
    ]);
    expect(list.columns[0].sample).toEqual(['00123', '00124', '00125']);
    expect(list.rows[0]).toEqual({
      'Sicil No': '00123', 'Ad Soyad': 'Şükrü Öztürk', 'E-posta': 'sukru@firma.com.tr', 'Doğum tarihi': '1985-03-12',
      Maaş: 12500.5, Telefon: '+90 532 123 45 67', Aktif: true,
    });
    expect(list.rows[1]).toMatchObject({ 'Ad Soyad': 'Ğülşen\nİnce', 'E-posta': 'gulsen@firma', 'Doğum tarihi': null, Maaş: 8750, Aktif: false });
    expect(list.problems).toEqual([
      { row: 6, column: 'E-posta', code: 'INVALID_EMAIL', message: 'line 6, column "E-posta": "gulsen@firma" is not a valid e-mail address' },
      { row: 6, column: 'Doğum tarihi', code: 'INVALID_DATE', message: 'line 6, column "Doğum tarihi": "31.02.2026" is not a real calendar date' },
      { row: 8, code: 'EXTRA_CELLS', message: expect.stringContaining('line 8 has 1 more filled cell') },
    ]);
  });

  it.each([',', '\t', '|'])('reads the %j delimiter', async (delimiter) => {
    const text = ['Ad', 'Şehir', 'E-posta'].join(delimiter) + '\n' + ['Şükrü', 'İzmir', 'a@b.tr'].join(delimiter) + '\n';
    const list = await parseRecipientFile(csv(text));
    expect(list.delimiter).toBe(delimiter);
    expect(list.rows).toEqual([{ Ad: 'Şükrü', Şehir: 'İzmir', 'E-posta': 'a@b.tr' }]);
  });

  it('applies type overrides and keeps the inferred type alongside', async () => {
    const list = await parseRecipientFile({
      ...csv('Sicil;Giriş;Ad\n00123;45000;Ali\n00124;45001;Veli\n'),
      columnTypes: { Sicil: 'number', Giriş: 'date' },
    });
    expect(list.columns.map((c) => [c.type, c.inferred])).toEqual([['number', 'text'], ['date', 'number'], ['text', 'text']]);
    expect(list.rows[0]).toEqual({ Sicil: 123, Giriş: '2023-03-15', Ad: 'Ali' });
  });

  it('reports values an override cannot read as problems', async () => {
    const list = await parseRecipientFile({ ...csv('Ad;Aktif\nAli;belki\n'), columnTypes: { Aktif: 'boolean' } });
    expect(list.rows).toEqual([{ Ad: 'Ali', Aktif: null }]);
    expect(list.problems).toMatchObject([{ row: 2, column: 'Aktif', code: 'INVALID_BOOLEAN' }]);
  });

  it('takes an explicit header row', async () => {
    const list = await parseRecipientFile({ ...csv('Ad;Soyad\nİsim;Soyisim\nAli;Veli\n'), headerRow: 2 });
    expect(list.headerRow).toBe(2);
    expect(list.rows).toEqual([{ İsim: 'Ali', Soyisim: 'Veli' }]);
  });

  it('guesses the e-mail column from its name or, failing that, from its values', async () => {
    expect((await parseRecipientFile(csv('Имя;Эл. почта\nПётр;petr@firma.ru\n'))).emailColumn).toBe('Эл. почта');
    expect((await parseRecipientFile(csv('Imię;Adres e-mail\nŻaneta;zaneta@firma.pl\n'))).emailColumn).toBe('Adres e-mail');
    expect((await parseRecipientFile(csv('Ad;İletişim\nAli;ali@firma.com.tr\nVeli;veli@firma.com.tr\n'))).emailColumn).toBe('İletişim');
    expect((await parseRecipientFile(csv('Ad;Şehir\nAli;İzmir\n'))).emailColumn).toBeUndefined();
  });

  it('keeps a column named __proto__ as a plain field', async () => {
    const list = await parseRecipientFile(csv('__proto__;Ad\nx;Ali\n'));
    expect(Object.keys(list.rows[0])).toEqual(['__proto__', 'Ad']);
    expect(Object.getPrototypeOf(list.rows[0])).toBe(Object.prototype);
  });
});

describe('parseRecipientFile with XLSX', () => {
  it('reads titles, merged headers, dates, serials, formulas and links', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('A1').value = 'Personel listesi 2026';
      sheet.mergeCells('A1:D1');
      sheet.getRow(3).values = ['Ad', 'E-posta', 'Doğum tarihi', 'İşe giriş tarihi'];
      sheet.getRow(4).values = [{ richText: [{ text: 'Şükrü ' }, { text: 'Öztürk' }] },
        { text: 'Şükrü', hyperlink: 'mailto:sukru@firma.com.tr' }, new Date(Date.UTC(1985, 2, 12)), 45000];
      sheet.getRow(5).values = [{ formula: '"Ğülşen "&"İnce"', result: 'Ğülşen İnce' }, 'gulsen@firma.com.tr',
        new Date(Date.UTC(1990, 3, 1)), { error: '#N/A' }];
    });
    const list = await parseRecipientFile({ bytes, fileName: 'personel.xlsx' });
    expect(list).toMatchObject({ format: 'xlsx', sheet: 'Liste', headerRow: 3, emailColumn: 'E-posta' });
    expect(list.encoding).toBeUndefined();
    expect(list.columns.map((c) => c.type)).toEqual(['text', 'email', 'date', 'date']);
    expect(list.rows).toEqual([
      { Ad: 'Şükrü Öztürk', 'E-posta': 'sukru@firma.com.tr', 'Doğum tarihi': '1985-03-12', 'İşe giriş tarihi': '2023-03-15' },
      { Ad: 'Ğülşen İnce', 'E-posta': 'gulsen@firma.com.tr', 'Doğum tarihi': '1990-04-01', 'İşe giriş tarihi': null },
    ]);
    expect(list.problems).toEqual([{
      row: 5, column: 'İşe giriş tarihi', code: 'CELL_ERROR',
      message: 'row 5, column "İşe giriş tarihi": Excel shows the error #N/A here; fix it in the workbook or clear the cell',
    }]);
  });
});

describe('parseRecipientFile refuses unusable files', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'a.csv', 'EMPTY_FILE'],
    ['only a BOM and blank lines', Buffer.from('\ufeff\r\n\r\n', 'utf8'), 'a.csv', 'EMPTY_FILE'],
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'liste.csv', 'NOT_A_SPREADSHEET'],
    ['binary bytes', Buffer.from([0x41, 0x00, 0x13, 0x02, 0x41, 0x42, 0x00, 0x00, 0x10]), 'a.csv', 'NOT_A_SPREADSHEET'],
    ['an Excel 97 workbook', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a.xls', 'UNSUPPORTED_FORMAT'],
    ['text named .xlsx', Buffer.from('Ad;Soyad\nAli;Veli\n'), 'a.xlsx', 'CORRUPT_XLSX'],
    ['a broken ZIP', Buffer.from('PK\u0003\u0004 this is not really a zip'), 'a.xlsx', 'CORRUPT_XLSX'],
  ])('%s', async (_label, bytes, fileName, code) => {
    const error = await failure({ bytes, fileName });
    expect(error.code).toBe(code);
    expect(error.details.fileName).toBe(fileName);
    expect(error.message.startsWith(`${fileName}: `)).toBe(true);
  });

  it('a file with no header row, naming the line', async () => {
    const error = await failure(csv('\nAli;ali@firma.com.tr;12.03.1985\nVeli;veli@firma.com.tr;01.04.1990\n'));
    expect(error).toMatchObject({ code: 'NO_HEADER_ROW', details: { row: 2 } });
    expect(error.message).toMatch(/^liste\.csv, line 2: no header row found/);
  });

  it('a header that is mostly blank', async () => {
    const error = await failure({ ...csv('Ad;;;\nAli;1;2;3\n'), headerRow: 1 });
    expect(error).toMatchObject({ code: 'HEADER_UNUSABLE', details: { row: 1 } });
  });

  it('an unclosed quote', async () => {
    expect(await failure(csv('Ad;Not\nAli;"açık\nVeli;x\n'))).toMatchObject({ code: 'MALFORMED_CSV', details: { row: 2 } });
  });

  it('an unknown encoding, or bytes invalid in the one chosen', async () => {
    expect(await failure({ ...csv('Ad\nAli\n'), encoding: 'ebcdic-tr' })).toMatchObject({ code: 'UNKNOWN_ENCODING' });
    const error = await failure({ ...csv('Ad\nŞükrü\n', 'windows-1254'), encoding: 'utf-8' });
    expect(error).toMatchObject({ code: 'UNDECODABLE_TEXT', details: { row: 2 } });
  });

  it('bad options', async () => {
    expect(await failure({ ...csv('Ad\nAli\n'), headerRow: 0 })).toMatchObject({ code: 'INVALID_OPTION' });
    expect(await failure({ ...csv('Ad\nAli\n'), delimiter: ';;' })).toMatchObject({ code: 'INVALID_OPTION' });
    expect(await failure({ ...csv('Ad\nAli\n'), columnTypes: { Ad: 'money' as never } })).toMatchObject({ code: 'INVALID_OPTION' });
    expect(await failure({ ...csv('Ad\nAli\n'), columnTypes: { Soyad: 'text' } }))
      .toMatchObject({ code: 'UNKNOWN_COLUMN', details: { column: 'Soyad', columns: ['Ad'] } });
  });
});
