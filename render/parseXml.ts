/**
 * A small, strict XML parser for checking the SVG the renderers write: balanced and properly
 * nested tags, quoted and unique attributes, known entities, one root element. It builds a tree the
 * tests can walk. Leaves out: DTDs, namespaces as such (a prefix is part of the name), encodings.
 */

/** An element: its name, attributes (entities decoded) and children (elements and text). */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

/** Malformed XML, with the offset where the parser stopped. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const isNameStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
const isNameChar = (c: string): boolean =>
  isNameStart(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';
const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r';
const isDigits = (s: string, hex: boolean): boolean =>
  s.length > 0 &&
  [...s].every(
    (c) => (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))),
  );

/** The parser's cursor over one document. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  peek = (s: string): boolean => this.text.startsWith(s, this.pos);
  fail = (message: string): never => {
    throw new XmlError(message, this.pos);
  };
  expect(s: string): void {
    if (!this.peek(s)) this.fail(`expected "${s}"`);
    this.pos += s.length;
  }
  skipSpace(): void {
    while (this.pos < this.text.length && isSpace(this.text[this.pos] as string)) this.pos++;
  }
  skipPast(end: string): void {
    const i = this.text.indexOf(end, this.pos);
    if (i < 0) this.fail(`unterminated, expected "${end}"`);
    this.pos = i + end.length;
  }
  name(): string {
    const start = this.pos;
    if (!isNameStart(this.text[this.pos] ?? '')) this.fail('expected a name');
    while (isNameChar(this.text[this.pos] ?? '')) this.pos++;
    return this.text.slice(start, this.pos);
  }
  /** Decodes `raw`, which starts at `offset`, refusing `<` and unknown entities. */
  decode(raw: string, offset: number): string {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i] as string;
      if (c === '<') throw new XmlError('raw "<" in text', offset + i);
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', i);
      const ref = end < 0 ? '' : raw.slice(i + 1, end);
      if (ref.startsWith('#x') && isDigits(ref.slice(2), true))
        out += String.fromCodePoint(parseInt(ref.slice(2), 16));
      else if (ref.startsWith('#') && isDigits(ref.slice(1), false))
        out += String.fromCodePoint(Number(ref.slice(1)));
      else if (ENTITIES[ref] !== undefined) out += ENTITIES[ref];
      else throw new XmlError(`unknown entity "&${ref.slice(0, 10)}"`, offset + i);
      i = end;
    }
    return out;
  }
}

function attribute(c: Cursor, attrs: Record<string, string>): void {
  const name = c.name();
  if (name in attrs) c.fail(`duplicate attribute ${name}`);
  c.skipSpace();
  c.expect('=');
  c.skipSpace();
  const quote = c.text[c.pos];
  if (quote !== '"' && quote !== "'") c.fail(`attribute ${name} is not quoted`);
  const start = c.pos + 1;
  const end = c.text.indexOf(quote as string, start);
  if (end < 0) c.fail(`unterminated attribute ${name}`);
  attrs[name] = c.decode(c.text.slice(start, end), start);
  c.pos = end + 1;
}

function element(c: Cursor): XmlElement {
  c.expect('<');
  const name = c.name();
  const attrs: Record<string, string> = {};
  const children: (XmlElement | string)[] = [];
  for (;;) {
    const before = c.pos;
    c.skipSpace();
    if (c.peek('/>')) {
      c.pos += 2;
      return { name, attrs, children };
    }
    if (c.peek('>')) break;
    if (c.pos === before) c.fail('expected a space before the attribute');
    attribute(c, attrs);
  }
  c.pos++;
  for (;;) {
    if (c.pos >= c.text.length) c.fail(`<${name}> is never closed`);
    if (c.peek('</')) {
      c.pos += 2;
      const close = c.name();
      if (close !== name) c.fail(`</${close}> closes <${name}>`);
      c.skipSpace();
      c.expect('>');
      return { name, attrs, children };
    }
    if (c.peek('<!--')) c.skipPast('-->');
    else if (c.peek('<![CDATA[')) {
      const start = c.pos + 9;
      c.skipPast(']]>');
      children.push(c.text.slice(start, c.pos - 3));
    } else if (c.peek('<')) children.push(element(c));
    else {
      const start = c.pos;
      const end = c.text.indexOf('<', start);
      c.pos = end < 0 ? c.text.length : end;
      children.push(c.decode(c.text.slice(start, c.pos), start));
    }
  }
}

function skipProlog(c: Cursor): void {
  for (;;) {
    c.skipSpace();
    if (c.peek('<?')) c.skipPast('?>');
    else if (c.peek('<!DOCTYPE')) c.skipPast('>');
    else if (c.peek('<!--')) c.skipPast('-->');
    else return;
  }
}

/**
 * Parses a whole document with exactly one root element; throws an {@link XmlError} otherwise.
 *
 * @example
 * parseXml('<svg><rect width="1"/></svg>').children[0] //=> { name: 'rect', attrs: { width: '1' }, children: [] }
 * parseXml('<svg><g></svg>') // throws XmlError: </svg> closes <g>
 */
export function parseXml(text: string): XmlElement {
  const c = new Cursor(text);
  skipProlog(c);
  const root = element(c);
  skipProlog(c);
  if (c.pos !== text.length) c.fail('content after the root element');
  return root;
}

/**
 * Every element of the tree, depth first, the root included.
 *
 * @example
 * descendants(parseXml('<svg><g><rect/></g></svg>')).map((e) => e.name) //=> ['svg', 'g', 'rect']
 */
export function descendants(root: XmlElement): readonly XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) if (typeof child !== 'string') out.push(...descendants(child));
  return out;
}

/** The text inside an element, its descendants' included. */
export const textOf = (e: XmlElement): string =>
  e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
