import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkManifestStructure } from './schema';
import { childrenNamed, localName, parseXml, walk } from './xml';
import type { XmlElement } from './xml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEXT = readFileSync(`${ROOT}manifest.xml`, 'utf8');
const MANIFEST = parseXml(TEXT);
const LOCALES = ['tr-TR', 'ru-RU', 'pl-PL', 'sk-SK'];
const ORIGIN = 'https://localhost:3000';

const all = (name: string, root: XmlElement = MANIFEST) =>
  walk(root).filter(({ element }) => localName(element.name) === name).map(({ element }) => element);
const only = (parent: XmlElement, name: string): XmlElement => {
  const found = childrenNamed(parent, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${parent.name}>, found ${found.length}`);
  return found[0];
};

/** The resource each kind of referring element must point at. */
const KIND_OF_REFERENCE: Record<string, string> = {
  Image: 'Images', SourceLocation: 'Urls', FunctionFile: 'Urls', Label: 'ShortStrings', Title: 'ShortStrings', Description: 'LongStrings',
};

function resources(): Map<string, { kind: string; element: XmlElement }> {
  const out = new Map<string, { kind: string; element: XmlElement }>();
  for (const block of all('Resources')) {
    for (const group of block.children) {
      for (const element of group.children) out.set(element.attrs.id, { kind: localName(group.name), element });
    }
  }
  return out;
}

function surface(type: string): XmlElement {
  const points = all('ExtensionPoint').filter((e) => e.attrs['xsi:type'] === type);
  expect(points, type).toHaveLength(1);
  return points[0];
}

describe('manifest.xml structure', () => {
  it('is a mail add-in whose elements follow the schema order', () => {
    expect(localName(MANIFEST.name)).toBe('OfficeApp');
    expect(MANIFEST.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(MANIFEST.attrs['xsi:type']).toBe('MailApp');
    expect(checkManifestStructure(MANIFEST)).toEqual([]);
  });

  it('has the OfficeApp children in exactly the order Outlook validates', () => {
    expect(MANIFEST.children.map((c) => c.name)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'VersionOverrides',
    ]);
  });

  it('rejects a manifest with an element out of order or in the wrong place', () => {
    const swapped = TEXT.replace(/(<Version>.*<\/Version>)(\s*)(<ProviderName>.*<\/ProviderName>)/, '$3$2$1');
    expect(checkManifestStructure(parseXml(swapped)).join('\n')).toMatch(/<Version>.*out of order/);
    const moved = TEXT.replace('<Permissions>ReadWriteItem</Permissions>', '').replace('<FormSettings>', '<Permissions>ReadWriteItem</Permissions><FormSettings>');
    expect(checkManifestStructure(parseXml(moved)).join('\n')).toMatch(/<FormSettings>.*out of order/);
    const misplaced = TEXT.replace('<SupportsSharedFolders>false</SupportsSharedFolders>', '').replace('</DesktopFormFactor>', '<SupportsSharedFolders>false</SupportsSharedFolders></DesktopFormFactor>');
    expect(checkManifestStructure(parseXml(misplaced)).join('\n')).toMatch(/SupportsSharedFolders.*out of order/);
  });

  it('has a fixed GUID, version 1.0.0.0 and en-US as the default locale', () => {
    expect(only(MANIFEST, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(only(MANIFEST, 'Version').text).toBe('1.0.0.0');
    expect(only(MANIFEST, 'ProviderName').text).not.toBe('');
    expect(only(MANIFEST, 'DefaultLocale').text).toBe('en-US');
    expect(only(MANIFEST, 'DisplayName').attrs.DefaultValue).toMatch(/^Seriatim\b/);
  });
});

describe('manifest.xml ids and resources', () => {
  it('uses every id once', () => {
    // TabDefault names Outlook's own ribbon tab, which both surfaces extend.
    const ids = walk(MANIFEST).map(({ element }) => element.attrs.id).filter((id) => id !== undefined && id !== 'TabDefault');
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('defines every referenced resource, with the kind the reference needs, and uses every resource', () => {
    const defined = resources();
    const used = new Set<string>();
    for (const { element } of walk(MANIFEST)) {
      const resid = element.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      expect(defined.get(resid)?.kind, `resid="${resid}" on <${element.name}> line ${element.line}`).toBe(KIND_OF_REFERENCE[localName(element.name)]);
    }
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const id of defined.keys()) expect(id.length, id).toBeLessThanOrEqual(32);
  });

  it('translates the name, the description and every string into Turkish, Russian, Polish and Slovak', () => {
    const settings: Array<[XmlElement, number]> = [[only(MANIFEST, 'DisplayName'), 125], [only(MANIFEST, 'Description'), 250]];
    for (const r of resources().values()) {
      if (r.kind === 'ShortStrings' || r.kind === 'LongStrings') settings.push([r.element, r.kind === 'ShortStrings' ? 125 : 250]);
    }
    expect(settings).toHaveLength(2 + all('String').length);
    for (const [setting, limit] of settings) {
      const overrides = childrenNamed(setting, 'Override');
      expect(overrides.map((o) => o.attrs.Locale), setting.attrs.id ?? setting.name).toEqual(LOCALES);
      for (const value of [setting.attrs.DefaultValue, ...overrides.map((o) => o.attrs.Value)]) {
        expect(value.length, value).toBeGreaterThan(0);
        expect(value.length, value).toBeLessThanOrEqual(limit);
      }
      for (const o of overrides) expect(o.attrs.Value, `${o.attrs.Locale} is not translated`).not.toBe(setting.attrs.DefaultValue);
    }
    const russian = all('Override').filter((o) => o.attrs.Locale === 'ru-RU');
    expect(russian.every((o) => /[А-яЁё]/.test(o.attrs.Value))).toBe(true);
  });
});

describe('manifest.xml requirements, permissions and surfaces', () => {
  it('requires Mailbox 1.8, asks for ReadWriteItem and stays out of shared folders', () => {
    const base = only(only(only(MANIFEST, 'Requirements'), 'Sets'), 'Set');
    expect(base.attrs).toEqual({ Name: 'Mailbox', MinVersion: '1.8' });
    const override = all('Sets').find((s) => s.name === 'bt:Sets');
    expect(override?.attrs.DefaultMinVersion).toBe('1.8');
    expect(only(MANIFEST, 'Permissions').text).toBe('ReadWriteItem');
    expect(all('SupportsSharedFolders').map((e) => e.text)).toEqual(['false']);
  });

  it('activates on messages being read or composed', () => {
    const rules = childrenNamed(only(MANIFEST, 'Rule'), 'Rule').map((r) => `${r.attrs.ItemType}:${r.attrs.FormType}`);
    expect(rules.sort()).toEqual(['Message:Edit', 'Message:Read']);
  });

  it('opens the task pane from the compose and the read ribbon', () => {
    const urls = new Map([...resources()].map(([id, r]) => [id, r.element.attrs.DefaultValue]));
    for (const [type, surfaceName] of [['MessageComposeCommandSurface', 'compose'], ['MessageReadCommandSurface', 'read']]) {
      const buttons = all('Control', surface(type)).filter((c) => c.attrs['xsi:type'] === 'Button');
      expect(buttons).toHaveLength(1);
      const action = only(buttons[0], 'Action');
      expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(urls.get(only(action, 'SourceLocation').attrs.resid)).toBe(`${ORIGIN}/taskpane.html?surface=${surfaceName}`);
      expect(childrenNamed(only(buttons[0], 'Icon'), 'Image').map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
    }
  });

  it('points the legacy read and edit forms at the same task pane', () => {
    const forms = childrenNamed(only(MANIFEST, 'FormSettings'), 'Form');
    const source = (type: string) => {
      const form = forms.find((f) => f.attrs['xsi:type'] === type);
      return form && only(only(form, 'DesktopSettings'), 'SourceLocation').attrs.DefaultValue;
    };
    expect(source('ItemRead')).toBe(`${ORIGIN}/taskpane.html?surface=read`);
    expect(source('ItemEdit')).toBe(`${ORIGIN}/taskpane.html?surface=compose`);
  });
});
