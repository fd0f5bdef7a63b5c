import { describe, expect, it } from 'vitest';
import { descendants, parseXml, textOf, XmlError } from './parseXml.js';

describe('parseXml', () => {
  it('builds the tree of a well-formed document with entities decoded', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<svg a="1 &amp; 2"><!-- c --><text>&lt;100%&gt; &#8804;</text><rect/></svg>\n',
    );
    expect(root.attrs).toEqual({ a: '1 & 2' });
    expect(descendants(root).map((e) => e.name)).toEqual(['svg', 'text', 'rect']);
    expect(textOf(root)).toBe('<100%> ≤');
  });

  it.each([
    ['<svg><g></svg>', /<\/svg> closes <g>/],
    ['<svg>', /never closed/],
    ['<svg a=1/>', /not quoted/],
    ['<svg a="1" a="2"/>', /duplicate attribute a/],
    ['<svg>a & b</svg>', /unknown entity/],
    ['<svg>1 < 2</svg>', /expected a name/],
    ['<svg/><svg/>', /content after the root element/],
    ['<svg a="1"b="2"/>', /expected a space/],
  ])('refuses %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlError);
    expect(() => parseXml(text)).toThrow(message);
  });
});
