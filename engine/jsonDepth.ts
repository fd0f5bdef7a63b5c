/**
 * How deeply a JSON text nests, counted in one linear pass over the brackets outside strings,
 * so that input too deep for the recursive validators (zod, `JSON.stringify`) is refused before
 * it is parsed (docs/formats.md#trace-files names the limit).
 */

/** Deepest nesting of arrays and objects an input file may have. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest bracket nesting in `text`, stopping once it passes `stopAt`. Brackets inside
 * strings do not count; the text need not be valid JSON (JSON lines are counted as one text).
 *
 * @example
 * jsonDepth('{"a":[1,"]"]}') //=> 2
 */
export function jsonDepth(text: string, stopAt = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length && deepest <= stopAt; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return deepest;
}
