import { describe, expect, it } from 'vitest';
import { locateHeader, nameColumns } from './header-locator';
import type { MergedRange, RawCell, RawTable } from './types';

/** A table from rows of cells, numbered from `first`, skipping nulls as blank lines. */
function table(rows: Array<RawCell[] | null>, merges: MergedRange[] = []): RawTable {
  const kept = rows.flatMap((cells, i) => (cells ? [{ line: i + 1, cells }] : []));
  return { rows: kept, lineCount: rows.length, merges, date1904: false };
}

describe('locateHeader', () => {
  it('skips a title line and a blank line above the header', () => {
    const layout = locateHeader(table([
      ['Personel listesi 2026', '', ''],
      null,
      ['Ad Soyad', 'E-posta', 'Doğum tarihi'],
      ['Şükrü Öztürk', 'sukru@firma.com.tr', '12.03.1985'],
    ]), 'p.csv', 'line');
    expect(layout).toEqual({ line: 3, names: ['Ad Soyad', 'E-posta', 'Doğum tarihi'], dataStart: 2 });
  });

  it('skips a report line that fills only a few cells', () => {
    const layout = locateHeader(table([
      ['Rapor', '', '', '', 'Tarih: 01.03.2026'],
      ['Ad', 'Soyad', 'E-posta', 'Şehir', 'Bölüm'],
      ['Ali', 'Veli', 'a@b.tr', 'İzmir', 'IT'],
    ]), 'p.csv', 'line');
    expect(layout.line).toBe(2);
  });

  it('takes the caller\'s header row', () => {
    const layout = locateHeader(table([['Başlık', 'x'], ['Ad', 'Soyad'], ['Ali', 'Veli']]), 'p.csv', 'line', 2);
    expect(layout).toEqual({ line: 2, names: ['Ad', 'Soyad'], dataStart: 2 });
  });

  it('names blank header cells column_N and suffixes duplicates', () => {
    const layout = locateHeader(table([
      ['Ad', '', 'E-posta', 'e-posta', 'Ad', 'Not'],
      ['Ali', 'x', 'a@b.tr', 'c@d.tr', 'Can', '1'],
    ]), 'p.csv', 'line');
    expect(layout.names).toEqual(['Ad', 'column_2', 'E-posta', 'e-posta_2', 'Ad_2', 'Not']);
  });

  it('drops trailing empty header cells with no data under them, keeps those with data', () => {
    expect(locateHeader(table([['Ad', 'Soyad', '', ''], ['Ali', 'Veli', '', '']]), 'p.csv', 'line').names)
      .toEqual(['Ad', 'Soyad']);
    expect(locateHeader(table([['Ad', 'Soyad', 'Şehir', ''], ['Ali', 'Veli', 'İzmir', 'x']]), 'p.csv', 'line').names)
      .toEqual(['Ad', 'Soyad', 'Şehir', 'column_4']);
  });

  it('lends a merged header cell\'s name to the columns it covers', () => {
    const layout = locateHeader(table([
      ['Ad', 'Adres', null, 'E-posta'],
      ['Ali', 'Atatürk Cad.', 'İzmir', 'a@b.tr'],
    ], [{ top: 1, left: 2, bottom: 1, right: 3 }]), 'p.xlsx', 'row');
    expect(layout.names).toEqual(['Ad', 'Adres', 'Adres_2', 'E-posta']);
  });

  it('reads a merged header with sub-headers as two rows', () => {
    const layout = locateHeader(table([
      ['Ad', 'Adres', null, 'E-posta'],
      [null, 'Şehir', 'İlçe', null],
      ['Ali', 'İstanbul', 'Kadıköy', 'a@b.tr'],
    ], [{ top: 1, left: 2, bottom: 1, right: 3 }, { top: 1, left: 1, bottom: 2, right: 1 }, { top: 1, left: 4, bottom: 2, right: 4 }]),
    'p.xlsx', 'row');
    expect(layout).toEqual({ line: 1, names: ['Ad', 'Adres Şehir', 'Adres İlçe', 'E-posta'], dataStart: 2 });
  });

  it('refuses a file whose first full row is data', async () => {
    expect(() => locateHeader(table([['Ali', 'a@b.tr', '12.03.1985'], ['Veli', 'c@d.tr', '01.04.1990']]), 'p.csv', 'line'))
      .toThrow(expect.objectContaining({ code: 'NO_HEADER_ROW', details: { fileName: 'p.csv', row: 1 } }));
  });

  it('refuses header rows past the end, inside a quoted field, or blank', () => {
    const rows = table([['Ad', 'Not'], ['Ali', 'birinci satır\nikinci satır'], null, ['Veli', 'x']]);
    expect(() => locateHeader(rows, 'p.csv', 'line', 9))
      .toThrow(expect.objectContaining({ code: 'HEADER_ROW_OUT_OF_RANGE', message: expect.stringContaining('p.csv, line 9') }));
    const quoted = { ...rows, rows: [rows.rows[0], rows.rows[1], { line: 4, cells: ['Veli', 'x'] }], lineCount: 4 };
    expect(() => locateHeader(quoted, 'p.csv', 'line', 3)).toThrow(expect.objectContaining({ code: 'HEADER_ROW_OUT_OF_RANGE' }));
    const blank = table([['Ad', 'Not'], null, ['Veli', 'x']]);
    expect(() => locateHeader(blank, 'p.csv', 'line', 2)).toThrow(expect.objectContaining({ code: 'HEADER_UNUSABLE' }));
  });

  it('refuses an empty table', () => {
    expect(() => locateHeader(table([]), 'p.csv', 'line')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE' }));
  });
});

describe('nameColumns', () => {
  it('refuses a header that is mostly blank or repeated', () => {
    expect(() => nameColumns(['Ad', '', '', ''], 'p.csv', 4))
      .toThrow(expect.objectContaining({ code: 'HEADER_UNUSABLE', details: expect.objectContaining({ row: 4 }) }));
    expect(() => nameColumns(['x', 'x', 'x'], 'p.csv', 1)).toThrow(expect.objectContaining({ code: 'HEADER_UNUSABLE' }));
    expect(nameColumns(['Ad', ''], 'p.csv', 1)).toEqual(['Ad', 'column_2']);
  });

  it('does not collide with a name that already has the suffix', () => {
    expect(nameColumns(['Ad', 'Ad_2', 'Ad'], 'p.csv', 1)).toEqual(['Ad', 'Ad_2', 'Ad_3']);
  });
});
