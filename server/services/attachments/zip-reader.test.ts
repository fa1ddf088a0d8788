import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from './zip-reader';

const zip = (files: Record<string, string>, level: 0 | 6 | 9 = 6): Buffer =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, Buffer.from(d)])), { level }));

// Rewrites every copy (local header and directory) of an entry's name bytes, and clears the UTF-8
// flag: what an old Windows zip looks like.
function legacy(archive: Buffer, from: string, to: Buffer): Buffer {
  const out = Buffer.from(archive);
  const search = Buffer.from(from);
  expect(to.length).toBe(search.length);
  for (let at = out.indexOf(search); at >= 0; at = out.indexOf(search, at + 1)) to.copy(out, at);
  for (const [sig, flagAt] of [[0x04034b50, 6], [0x02014b50, 8]]) {
    for (let i = 0; i + 4 <= out.length; i++) if (out.readUInt32LE(i) === sig) out.writeUInt16LE(out.readUInt16LE(i + flagAt) & ~0x800, i + flagAt);
  }
  return out;
}

describe('readZip', () => {
  it('reads stored and deflated files with their folders, skipping folders and operating-system clutter', () => {
    for (const level of [0, 9] as const) {
      const entries = readZip(zip({ 'a/Łódź.txt': 'łódź', 'b.txt': 'x'.repeat(10_000), '__MACOSX/a/._Łódź.txt': 'fork', 'a/.DS_Store': 'f', 'Thumbs.db': 't' }, level), 't.zip');
      expect(entries.map((e) => [e.path, Buffer.from(e.bytes).toString()])).toEqual([['a/Łódź.txt', 'łódź'], ['b.txt', 'x'.repeat(10_000)]]);
    }
  });

  it('reads names written without the UTF-8 flag: as UTF-8 when they are, else in the code page given', () => {
    const mac = legacy(zip({ 'Şule.pdf': 'a' }), 'Şule.pdf', Buffer.from('Şule.pdf'));
    expect(readZip(mac, 'mac.zip')[0].path).toBe('Şule.pdf');
    // "şğ.pdf" as Turkish Windows (cp857) writes it: one byte per letter.
    const windows = legacy(zip({ 'ab.pdf': 'a' }), 'ab.pdf', Buffer.from([0x9f, 0xa7, 0x2e, 0x70, 0x64, 0x66]));
    expect(readZip(windows, 'win.zip', 'cp857')[0].path).toBe('şğ.pdf');
    expect(readZip(windows, 'win.zip')[0].path).toBe('ƒº.pdf');
  });

  it('refuses what is not a zip, a damaged file and an unknown code page, saying which', () => {
    expect(() => readZip(Buffer.from('PK not really'), 'x.zip')).toThrow(/x\.zip: this is not a zip file/);
    const damaged = zip({ 'a.txt': 'hello world' }, 0);
    damaged[damaged.indexOf('hello')] = 0x48;
    expect(() => readZip(damaged, 'd.zip')).toThrow(/"a\.txt" is damaged/);
    expect(() => readZip(zip({ 'a.txt': 'a' }), 'e.zip', 'klingon')).toThrow(/Unknown encoding "klingon"/);
  });

  it('refuses password-protected entries', () => {
    const locked = zip({ 'a.txt': 'secret' });
    for (const [sig, flagAt] of [[0x04034b50, 6], [0x02014b50, 8]]) {
      for (let i = 0; i + 4 <= locked.length; i++) if (locked.readUInt32LE(i) === sig) locked.writeUInt16LE(locked.readUInt16LE(i + flagAt) | 1, i + flagAt);
    }
    expect(() => readZip(locked, 'l.zip')).toThrow(/"a\.txt" is password-protected inside the zip/);
  });
});
