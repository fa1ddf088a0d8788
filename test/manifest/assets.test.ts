import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/make-icons';
import { readPng } from './png';
import { ADDIN_ORIGIN, manifestUrls, urlPath } from './urls';
import { localName, parseXml, walk } from './xml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLIC = `${ROOT}addin/public`;
const TEXT = readFileSync(`${ROOT}manifest.xml`, 'utf8');
const MANIFEST = parseXml(TEXT);
// The task pane page is built by Vite from addin/, not copied from public/.
const BUILT_PAGES = ['/taskpane.html'];

/** Every icon URL with the pixel size the manifest states for it. */
function statedIconSizes(): Map<string, number> {
  const imageUrls = new Map<string, string>();
  const sizes = new Map<string, number>();
  for (const { element, ancestors } of walk(MANIFEST)) {
    const parent = ancestors[ancestors.length - 1];
    const name = localName(element.name);
    if (name === 'Image' && parent && localName(parent.name) === 'Images') imageUrls.set(element.attrs.id, element.attrs.DefaultValue);
    if (name === 'IconUrl') sizes.set(element.attrs.DefaultValue, 64);
    if (name === 'HighResolutionIconUrl') sizes.set(element.attrs.DefaultValue, 128);
  }
  for (const { element, ancestors } of walk(MANIFEST)) {
    const parent = ancestors[ancestors.length - 1];
    if (localName(element.name) !== 'Image' || !parent || localName(parent.name) !== 'Icon') continue;
    const url = imageUrls.get(element.attrs.resid);
    if (url === undefined) throw new Error(`no image resource ${element.attrs.resid}`);
    const size = Number(element.attrs.size);
    if (sizes.has(url) && sizes.get(url) !== size) throw new Error(`${url} is used as ${sizes.get(url)} and ${size} px`);
    sizes.set(url, size);
  }
  return sizes;
}

describe('manifestUrls', () => {
  it('lists each of our URLs once, in document order, with queries kept', () => {
    const urls = manifestUrls(TEXT);
    expect(urls).toEqual([
      `${ADDIN_ORIGIN}/assets/icon-64.png`,
      `${ADDIN_ORIGIN}/assets/icon-128.png`,
      `${ADDIN_ORIGIN}/taskpane.html?surface=read`,
      `${ADDIN_ORIGIN}/taskpane.html?surface=compose`,
      `${ADDIN_ORIGIN}/assets/icon-16.png`,
      `${ADDIN_ORIGIN}/assets/icon-32.png`,
      `${ADDIN_ORIGIN}/assets/icon-80.png`,
    ]);
  });

  it('decodes entities, reads overrides and leaves other origins out', () => {
    const xml = `<OfficeApp><IconUrl DefaultValue="https://localhost:3000/a.png?x=1&amp;y=2">
      <Override Locale="tr-TR" Value="https://localhost:3000/a-tr.png"/></IconUrl>
      <AppDomains><AppDomain>https://login.microsoftonline.com</AppDomain></AppDomains>
      <SupportUrl DefaultValue="https://example.com/help"/><Other DefaultValue="https://localhost:3000/a.png?x=1&amp;y=2"/></OfficeApp>`;
    expect(manifestUrls(xml)).toEqual(['https://localhost:3000/a.png?x=1&y=2', 'https://localhost:3000/a-tr.png']);
  });
});

describe('manifest.xml URLs and icons', () => {
  it('uses only our origin, and every URL maps to the task pane page or a file in addin/public', () => {
    const urls = manifestUrls(TEXT);
    for (const url of urls) {
      const path = urlPath(url);
      if (BUILT_PAGES.includes(path)) continue;
      expect(existsSync(`${PUBLIC}${decodeURIComponent(path)}`), `${url} has no file in addin/public`).toBe(true);
    }
    const foreign = walk(MANIFEST)
      .flatMap(({ element }) => [element.attrs.DefaultValue, element.attrs.Value])
      .filter((v): v is string => v !== undefined && /^https?:/.test(v) && !v.startsWith(`${ADDIN_ORIGIN}/`));
    expect(foreign).toEqual([]);
  });

  it('states a size for every icon, and each icon file is a PNG of exactly that size', () => {
    const sizes = statedIconSizes();
    expect([...sizes.values()].sort((a, b) => a - b)).toEqual([16, 32, 64, 80, 128]);
    for (const [url, size] of sizes) {
      const png = readPng(readFileSync(`${PUBLIC}${urlPath(url)}`));
      expect({ url, width: png.width, height: png.height }).toEqual({ url, width: size, height: size });
      expect(png.colorType, url).toBe(6);
    }
  });

  it('ships the icons that scripts/make-icons.ts draws, pixel for pixel', () => {
    for (const size of ICON_SIZES) {
      const png = readPng(readFileSync(`${PUBLIC}/assets/icon-${size}.png`));
      expect(png.rgba, `icon-${size}.png`).not.toBeNull();
      expect(Buffer.from(png.rgba!).equals(Buffer.from(renderIcon(size))), `icon-${size}.png is stale: run npx tsx scripts/make-icons.ts`).toBe(true);
    }
  });

  it('draws a blue square with a white letter and transparent corners', () => {
    const pixels = renderIcon(32);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * 32 + x) * 4, (y * 32 + x) * 4 + 4));
    expect(at(0, 0)[3]).toBe(0);
    expect(at(3, 16)).toEqual([0x0f, 0x6c, 0xbd, 255]);
    const white = Array.from({ length: 32 * 32 }, (_, i) => at(i % 32, Math.floor(i / 32))).filter(([r, g, b, a]) => r === 255 && g === 255 && b === 255 && a === 255);
    expect(white.length).toBeGreaterThan(40);
  });
});

describe('readPng', () => {
  it('rejects files that are not PNGs or whose chunks are corrupt', () => {
    const good = readFileSync(`${PUBLIC}/assets/icon-16.png`);
    expect(() => readPng(Buffer.from('GIF89a-not-a-png'))).toThrow(/signature/);
    const corrupt = Buffer.from(good);
    corrupt[20] ^= 0xff;
    expect(() => readPng(corrupt)).toThrow(/CRC in IHDR/);
  });
});
