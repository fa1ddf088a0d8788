import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from './csv-reader';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('readCsvTable', () => {
  it('keeps quoted line breaks and delimiters inside one field and numbers rows by their first line', async () => {
    const text = 'Ad;Adres;Not\n"Şükrü Öztürk";"Atatürk Cad. 5;\nKadıköy\nİstanbul";"dedi ki ""merhaba"""\nĞülşen İnce;Ankara;\n';
    const table = await readCsvTable(utf8(text), { fileName: 'a.csv' });
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      { line: 1, cells: ['Ad', 'Adres', 'Not'] },
      { line: 2, cells: ['Şükrü Öztürk', 'Atatürk Cad. 5;\nKadıköy\nİstanbul', 'dedi ki "merhaba"'] },
      { line: 5, cells: ['Ğülşen İnce', 'Ankara', ''] },
    ]);
  });

  it('skips blank lines but keeps counting them', async () => {
    const table = await readCsvTable(utf8('Ad,Soyad\n\n\nAli,Veli\r\n , \r\nAyşe,Kaya\r\n'), { fileName: 'a.csv' });
    expect(table.rows.map((row) => row.line)).toEqual([1, 4, 6]);
  });

  it('obeys and drops the sep= line Excel writes, counting it as line 1', async () => {
    const table = await readCsvTable(utf8('sep=,\r\nAd;Soyad,E-posta\r\nAli;Veli,a@b.tr\r\n'), { fileName: 'a.csv' });
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([
      { line: 2, cells: ['Ad;Soyad', 'E-posta'] },
      { line: 3, cells: ['Ali;Veli', 'a@b.tr'] },
    ]);
  });

  it('lets an explicit delimiter and encoding override detection', async () => {
    const bytes = iconv.encode('Ad;Soyad|Şehir\nŞükrü;Öztürk|İzmir\n', 'windows-1254');
    const table = await readCsvTable(bytes, { fileName: 'a.csv', delimiter: '|', encoding: 'windows-1254' });
    expect(table.encoding).toBe('windows-1254');
    expect(table.rows[1].cells).toEqual(['Şükrü;Öztürk', 'İzmir']);
  });

  it('removes the apostrophe that guards formulas', async () => {
    const table = await readCsvTable(utf8("Ad;Telefon\n'=HYPERLINK(1);'+90 532 123 45 67\n'Ali;x\n"), { fileName: 'a.csv' });
    expect(table.rows[1].cells).toEqual(['=HYPERLINK(1)', '+90 532 123 45 67']);
    expect(table.rows[2].cells).toEqual(["'Ali", 'x']);
  });

  it('decodes multi-byte characters split across read slices', async () => {
    const lines = ['Ad;Soyad'];
    for (let i = 0; i < 6000; i++) lines.push(`Ğülşen${i};Дьяченко${i}`);
    const table = await readCsvTable(utf8(`${lines.join('\n')}\n`), { fileName: 'a.csv' });
    expect(table.rows).toHaveLength(6001);
    expect(table.rows.every((row, i) => i === 0 || row.cells[0] === `Ğülşen${i - 1}` && row.cells[1] === `Дьяченко${i - 1}`)).toBe(true);
  });

  it('reports an unclosed quote at the line where it opens', async () => {
    const text = 'Ad;Soyad\nAli;Veli\nAyşe;"Kaya\nMehmet;Demir\n';
    await expect(readCsvTable(utf8(text), { fileName: 'liste.csv' })).rejects.toMatchObject({
      code: 'MALFORMED_CSV',
      details: { fileName: 'liste.csv', row: 3 },
      message: expect.stringContaining('liste.csv, line 3'),
    });
  });

  it('reports text after a closing quote', async () => {
    await expect(readCsvTable(utf8('Ad;Soyad\n"Ali" Can;Veli\n'), { fileName: 'a.csv' }))
      .rejects.toMatchObject({ code: 'MALFORMED_CSV', details: { row: 2 } });
  });

  it('refuses bytes the chosen legacy code page does not define, with their line', async () => {
    const bytes = Buffer.concat([Buffer.from('Ad;Soyad\nAli;Veli\n'), Buffer.from([0x41, 0x81, 0x3b, 0x42, 0x0a])]);
    await expect(readCsvTable(bytes, { fileName: 'a.csv', encoding: 'windows-1252' }))
      .rejects.toMatchObject({ code: 'UNDECODABLE_TEXT', details: { row: 3 } });
  });
});
