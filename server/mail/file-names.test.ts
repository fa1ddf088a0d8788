import { describe, expect, it } from 'vitest';
import { fileKey, fileNamesIn, findNamedFile, type NamedFile } from './file-names';

describe('file names written in a list find their files', () => {
  it('ignores case, Unicode normalisation, folders and which locale lower-cased a Turkish i', () => {
    const key = fileKey('IŞIK Yıldız.PDF');
    for (const written of ['ışık yıldız.pdf', 'Işık Yıldız.pdf', 'İŞİK YILDIZ.pdf', 'C:\\exports\\ışık yıldız.pdf', 'payslips/IŞIK YILDIZ.pdf', '  ışık yıldız.pdf ']) {
      expect(fileKey(written), written).toBe(key);
    }
    expect(fileKey('Ayşe.pdf'.normalize('NFD'))).toBe(fileKey('AYŞE.PDF'));
    expect(fileKey('Żaneta Gąsiorowska.pdf')).toBe(fileKey('ŻANETA GĄSIOROWSKA.PDF'));
    expect(fileKey('Ярослав.pdf')).toBe(fileKey('ЯРОСЛАВ.PDF'));
  });

  it('reads several names from one cell and matches a name written without its extension when only one file fits', () => {
    expect(fileNamesIn(' a.pdf; b.pdf ;;')).toEqual(['a.pdf', 'b.pdf']);
    expect(fileNamesIn(null)).toEqual([]);
    const file = (name: string): [string, NamedFile] => [fileKey(name), { id: name, name, contentType: 'application/pdf', size: 1 }];
    const set = new Map([file('Ayşe.pdf'), file('Ali.pdf'), file('Ali.docx')]);
    expect(findNamedFile(set, 'ayşe')?.name).toBe('Ayşe.pdf');
    expect(findNamedFile(set, 'ali')).toBeUndefined();
    expect(findNamedFile(set, 'ALI.DOCX')?.name).toBe('Ali.docx');
    expect(findNamedFile(set, 'ayşe.txt')).toBeUndefined();
  });
});
