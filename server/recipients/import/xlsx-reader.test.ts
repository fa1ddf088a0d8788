import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from './xlsx-reader';

/** Builds an XLSX file in memory. */
async function xlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readXlsxTable', () => {
  it('reduces formulas, rich text, hyperlinks, dates and errors to raw cells', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Personel');
      sheet.addRow(['Ad', 'E-posta', 'Doğum tarihi', 'Tam ad', 'Sicil', 'Prim', 'Web']);
      sheet.addRow([
        { richText: [{ text: 'Şükrü ' }, { font: { bold: true }, text: 'Öztürk' }] },
        { text: 'Şükrü Öztürk', hyperlink: 'mailto:sukru%40firma.com.tr?subject=Merhaba' },
        new Date(Date.UTC(1985, 2, 12)),
        { formula: 'A2&"!"', result: 'Şükrü Öztürk!' },
        123,
        { error: '#DIV/0!' },
        { text: 'site', hyperlink: 'https://firma.com.tr' },
      ]);
      sheet.getCell('E2').numFmt = '00000';
      sheet.addRow(['Ğülşen', 'gulsen@firma.com.tr', 31120, { formula: 'A3', result: undefined }, 124, 0.5, null]);
    });
    const table = await readXlsxTable(bytes, { fileName: 'p.xlsx' });
    expect(table.sheet).toBe('Personel');
    expect(table.rows[1]).toEqual({
      line: 2,
      cells: ['Şükrü Öztürk', 'sukru@firma.com.tr', new Date(Date.UTC(1985, 2, 12)), 'Şükrü Öztürk!', '00123', { fault: '#DIV/0!' }, 'site'],
    });
    expect(table.rows[2].cells).toEqual(['Ğülşen', 'gulsen@firma.com.tr', 31120, { fault: 'a formula saved without its result' }, 124, 0.5, null]);
  });

  it('reads merged cells as empty and reports the merged ranges', async () => {
    const bytes = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Liste');
      sheet.getCell('A1').value = 'Personel listesi 2026';
      sheet.mergeCells('A1:C1');
      sheet.getRow(3).values = ['Ad', 'Soyad', 'E-posta'];
      sheet.getRow(4).values = ['Ali', 'Veli', 'a@b.tr'];
    });
    const table = await readXlsxTable(bytes, { fileName: 'p.xlsx' });
    expect(table.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(table.rows.map((row) => row.line)).toEqual([1, 3, 4]);
    expect(table.rows[0].cells).toEqual(['Personel listesi 2026', null, null]);
  });

  it('takes the first non-empty visible sheet, or the one asked for', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.addWorksheet('Boş');
      workbook.addWorksheet('Gizli', { state: 'hidden' }).addRow(['gizli']);
      workbook.addWorksheet('Liste').addRow(['Ad']);
      workbook.addWorksheet('Arşiv').addRow(['Eski']);
    });
    expect((await readXlsxTable(bytes, { fileName: 'p.xlsx' })).sheet).toBe('Liste');
    expect((await readXlsxTable(bytes, { fileName: 'p.xlsx', sheet: 'arşiv' })).sheet).toBe('Arşiv');
    await expect(readXlsxTable(bytes, { fileName: 'p.xlsx', sheet: 'Yok' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND', details: { sheets: ['Boş', 'Gizli', 'Liste', 'Arşiv'] },
    });
  });

  it('refuses a workbook whose sheets are all empty', async () => {
    const bytes = await xlsx((workbook) => { workbook.addWorksheet('Sayfa1'); });
    await expect(readXlsxTable(bytes, { fileName: 'p.xlsx' })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
  });

  it('refuses a damaged workbook with CORRUPT_XLSX', async () => {
    const bytes = await xlsx((workbook) => { workbook.addWorksheet('Liste').addRow(['Ad']); });
    await expect(readXlsxTable(bytes.subarray(0, bytes.length / 2), { fileName: 'kesik.xlsx' }))
      .rejects.toMatchObject({ code: 'CORRUPT_XLSX', message: expect.stringContaining('kesik.xlsx') });
  });

  it('notes the 1904 date system', async () => {
    const bytes = await xlsx((workbook) => {
      workbook.properties.date1904 = true;
      workbook.addWorksheet('Liste').addRow(['Ad']);
    });
    expect((await readXlsxTable(bytes, { fileName: 'p.xlsx' })).date1904).toBe(true);
  });
});
