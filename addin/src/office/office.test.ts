import { describe, expect, it } from 'vitest';
import { themeFromBackground } from './host';
import { readSurface } from './surface';

describe('office adapter helpers', () => {
  it('reads the surface the manifest opened the pane for', () => {
    expect(readSurface('?surface=compose')).toBe('compose');
    expect(readSurface('?lang=tr&surface=read')).toBe('read');
    expect(readSurface('')).toBeNull();
    expect(readSurface('?surface=other')).toBeNull();
  });

  it("follows Office's theme by its background colour", () => {
    expect(themeFromBackground('#FFFFFF')).toBe('light');
    expect(themeFromBackground('#1f1f1f')).toBe('dark');
    expect(themeFromBackground(undefined)).toBeNull();
    expect(themeFromBackground('white')).toBeNull();
  });
});
