import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities';
import { htmlToText } from './text-converter';

describe('htmlToText', () => {
  it('turns paragraphs, divs and breaks into lines', () => {
    expect(htmlToText('<p>One</p><p>Two<br>three</p><div>four</div><div>five</div>')).toBe('One\n\nTwo\nthree\nfour\nfive');
    expect(htmlToText('<div>a<br><br>b</div>')).toBe('a\n\nb');
    expect(htmlToText('<h1>Title</h1>Body')).toBe('Title\n\nBody');
  });

  it('keeps Outlook paragraphs (MsoNormal) one per line, empty ones as blank lines', () => {
    const html = '<p class=MsoNormal>Dear Ann,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class=MsoNormal>Thanks<o:p></o:p></p>';
    expect(htmlToText(html)).toBe('Dear Ann,\n\nThanks');
  });

  it('writes links as "text (url)", and only the text when it is the address', () => {
    expect(htmlToText('Visit <a href="https://example.com/a?b=1&amp;c=2">our site</a>.')).toBe('Visit our site (https://example.com/a?b=1&c=2).');
    expect(htmlToText('<a href="https://example.com/">example.com</a> <a href="mailto:a@b.example">a@b.example</a>')).toBe('example.com a@b.example');
    expect(htmlToText('<a href="mailto:a@b.example">write</a> <a href="#top">top</a> <a href=\'x.html\'><img src="i.png"></a>')).toBe('write (a@b.example) top x.html');
  });

  it('writes lists as "- item", ordered ones numbered, nested ones indented', () => {
    expect(htmlToText('<p>Items:</p><ul><li>one</li><li>two<ul><li>deep</li></ul></li></ul><ol><li>a</li><li>b</li></ol>'))
      .toBe('Items:\n\n- one\n- two\n  - deep\n\n1. a\n2. b');
  });

  it('decodes entities and normalises whitespace', () => {
    expect(htmlToText('  A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#x27; &euro;5 &copy; &#x1F600; &unknown; \n\t  end  ')).toBe('A & B <c> "d" \'e\' €5 © 😀 &unknown; end');
    expect(htmlToText('a&nbsp;&nbsp;b')).toBe('a  b');
    expect(htmlToText('<b>bold</b> <i>it</i>al<span>ic</span>')).toBe('bold italic');
  });

  it('drops head, style, script and comments, including Outlook conditional comments', () => {
    const html = '<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body><!--[if mso]>hidden<![endif]--><script>x()</script><p>shown</p></body></html>';
    expect(htmlToText(html)).toBe('shown');
  });

  it('handles tables, rules, quotes, images and preformatted text', () => {
    expect(htmlToText('<table><tr><td>Name:</td><td>Ann</td></tr><tr><th>Age</th><td>7</td></tr></table>after')).toBe('Name: Ann\nAge 7\n\nafter');
    expect(htmlToText('a<hr>b')).toBe('a\n---\nb');
    expect(htmlToText('<blockquote>q1<br>q2</blockquote>reply')).toBe('> q1\n> q2\n\nreply');
    expect(htmlToText('<img alt="Logo" src="x"> text')).toBe('Logo text');
    expect(htmlToText('<pre>  a\n    b</pre>')).toBe('a\n    b');
  });

  it('treats a lone "<" as text and survives broken markup', () => {
    expect(htmlToText('1 < 2 and 3 <4')).toBe('1 < 2 and 3 <4');
    expect(htmlToText('<p>open <b>never closed')).toBe('open never closed');
    expect(htmlToText('<a href="x>y">z</a>')).toBe('z (x>y)');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references, and leaves the rest', () => {
    expect(decodeEntities('&amp;amp; &#38; &#x26; &AMP; & ; &#0; &#xD800; &ccedil;&Scedil;&gbreve;')).toBe('&amp; & & &AMP; & ; \ufffd \ufffd çŞğ');
  });
});
