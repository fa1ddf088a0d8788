import { describe, expect, it } from 'vitest';
import { XmlSyntaxError, childrenNamed, localName, parseXml, walk } from './xml';

describe('parseXml', () => {
  it('reads elements, attributes, text, entities, CDATA and skips comments', () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
<!-- leading comment -->
<a xmlns:bt="urn:x" x="1 &amp; 2" y='&#x15F;&#252;'>
  <bt:b id="one"/>
  <!-- <c>not an element</c> -->
  <c>Kişi &lt;b&gt; <![CDATA[<raw & text>]]></c>
</a>
`);
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ 'xmlns:bt': 'urn:x', x: '1 & 2', y: 'şü' });
    expect(root.children.map((c) => c.name)).toEqual(['bt:b', 'c']);
    expect(localName(root.children[0].name)).toBe('b');
    expect(childrenNamed(root, 'c')[0].text).toBe('Kişi <b> <raw & text>');
    expect(root.children[1].line).toBe(6);
  });

  it('walks depth first with each element’s ancestors', () => {
    const root = parseXml('<a><b><c/></b><d/></a>');
    expect(walk(root).map(({ element, ancestors }) => `${ancestors.map((a) => a.name).join('/')}>${element.name}`)).toEqual([
      '>a', 'a>b', 'a/b>c', 'a>d',
    ]);
  });

  it.each([
    ['<a><b></a>', /<\/a> closes <b>/],
    ['<a x=1/>', /quoted/],
    ['<a x="1" x="2"/>', /duplicate attribute x/],
    ['<a>fish & chips</a>', /bare "&"/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a/><b/>', /content after the root/],
    ['<a>', /never closed/],
    ['<a x="<"/>', /"<" is not allowed/],
    ['<!DOCTYPE a><a/>', /DOCTYPE/],
    ['<a><!-- open</a>', /unterminated comment/],
  ])('rejects %s', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('reports the line and column of an error', () => {
    try {
      parseXml('<a>\n  <b>\n</a>');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(XmlSyntaxError);
      expect((err as XmlSyntaxError).line).toBe(3);
    }
  });
});
