/**
 * Apalache's type strings (Type System 1.2, apalache-mc ADR-002 and its parser), as ITF's
 * `#meta.varTypes` carries them: `Int`, `Str`, `Bool`, `Set(T)`, `Seq(T)`, `T1 -> T2` (right
 * associative), `<<T1, T2>>`, records `{ f1: T1, f2: T2 }`, variants `Tag1(T1) | Tag2(T2)`, type
 * constants such as `UNIT`, and `(T)`. Leaves out what no trace variable has: operators, type
 * variables, rows, sparse tuples, aliases and Real.
 */

/** A parsed type. */
export type ApalacheType =
  | { readonly kind: 'Int' | 'Str' | 'Bool' }
  | { readonly kind: 'Set' | 'Seq'; readonly elem: ApalacheType }
  | { readonly kind: 'Fun'; readonly from: ApalacheType; readonly to: ApalacheType }
  | { readonly kind: 'Tup'; readonly items: readonly ApalacheType[] }
  | { readonly kind: 'Rec'; readonly fields: ReadonlyMap<string, ApalacheType> }
  | { readonly kind: 'Variant'; readonly options: ReadonlyMap<string, ApalacheType> }
  | { readonly kind: 'Const'; readonly name: string };

const TOKEN = /\s*(->|<<|>>|[(){},:|]|[A-Za-z_][A-Za-z0-9_]*)/y;
const CONST = /^[A-Z_][A-Z0-9_]*$/;
const IDENT = /^[A-Za-z_]/;

function tokens(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) {
      const rest = text.slice(at).trimStart();
      if (rest === '') break;
      throw new Error(`unexpected "${rest[0] ?? ''}" at ${text.length - rest.length}`);
    }
    out.push(m[1] as string);
  }
  return out;
}

/** A cursor over the tokens; each rule reads from it and moves it on. */
class Reader {
  private at = 0;
  constructor(private readonly toks: readonly string[]) {}
  peek = (k = 0): string | undefined => this.toks[this.at + k];
  next = (): string => {
    const t = this.toks[this.at++];
    if (t === undefined) throw new Error('unexpected end');
    return t;
  };
  expect = (t: string): void => {
    const got = this.next();
    if (got !== t) throw new Error(`expected "${t}", got "${got}"`);
  };
  done = (): boolean => this.at >= this.toks.length;
}

/** `a, b, …` up to `close`, each read by `item`. */
function listOf<T>(r: Reader, close: string, item: () => T): T[] {
  const out = [item()];
  while (r.peek() === ',') {
    r.next();
    out.push(item());
  }
  r.expect(close);
  return out;
}

/** Names to types, refusing a name twice (as Apalache's parser does). */
function uniqueMap(pairs: readonly (readonly [string, ApalacheType])[], what: string) {
  const m = new Map<string, ApalacheType>();
  for (const [k, t] of pairs) {
    if (m.has(k)) throw new Error(`a duplicate ${what} ${k}`);
    m.set(k, t);
  }
  return m;
}

function identifier(r: Reader): string {
  const t = r.next();
  if (!IDENT.test(t)) throw new Error(`expected a name, got "${t}"`);
  return t;
}

function variant(r: Reader): ApalacheType {
  const options: (readonly [string, ApalacheType])[] = [];
  do {
    if (options.length > 0) r.next();
    const tag = identifier(r);
    r.expect('(');
    options.push([tag, typeExpr(r)]);
    r.expect(')');
  } while (r.peek() === '|');
  return { kind: 'Variant', options: uniqueMap(options, 'tag') };
}

function record(r: Reader): ApalacheType {
  if (r.peek() === '}') throw new Error('a record with no field');
  const fields = listOf(r, '}', () => {
    const name = identifier(r);
    r.expect(':');
    return [name, typeExpr(r)] as const;
  });
  return { kind: 'Rec', fields: uniqueMap(fields, 'field') };
}

function named(r: Reader, name: string): ApalacheType {
  if (name === 'Int' || name === 'Str' || name === 'Bool') return { kind: name };
  if ((name === 'Set' || name === 'Seq') && r.peek() === '(') {
    r.next();
    const elem = typeExpr(r);
    r.expect(')');
    return { kind: name, elem };
  }
  if (CONST.test(name)) return { kind: 'Const', name };
  throw new Error(`unknown type ${name}`);
}

// Apalache's `noFunExpr`: anything but a function type at the top.
function noFun(r: Reader): ApalacheType {
  const t = r.peek();
  if (t !== undefined && IDENT.test(t) && r.peek(1) === '(' && t !== 'Set' && t !== 'Seq')
    return variant(r);
  const first = r.next();
  if (first === '<<') return { kind: 'Tup', items: listOf(r, '>>', () => typeExpr(r)) };
  if (first === '{') return record(r);
  if (first === '(') {
    const inner = typeExpr(r);
    r.expect(')');
    return inner;
  }
  if (IDENT.test(first)) return named(r, first);
  throw new Error(`unexpected "${first}"`);
}

function typeExpr(r: Reader): ApalacheType {
  const from = noFun(r);
  if (r.peek() !== '->') return from;
  r.next();
  return { kind: 'Fun', from, to: typeExpr(r) };
}

/**
 * Parses `text`; throws an Error saying what it could not read.
 *
 * @example
 * parseApalacheType('Int -> Set(Str)') //=> { kind: 'Fun', from: { kind: 'Int' }, to: { kind: 'Set', elem: { kind: 'Str' } } }
 */
export function parseApalacheType(text: string): ApalacheType {
  const r = new Reader(tokens(text));
  const t = typeExpr(r);
  if (!r.done()) throw new Error(`unexpected "${r.peek() ?? ''}" after the type`);
  return t;
}
