/**
 * A zod issue as one TraceError naming the file, the place in it, what was there and what was
 * expected (docs/style.md: errors are data).
 */
import type { z } from 'zod';
import { TraceError } from '../engine/errors/TraceError.js';

/** A value as a message shows it: its JSON, cut at 60 characters. */
export const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? String(k) : `${s}.${String(k)}`),
    '',
  );

function lookup(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** zod's first issue as a TraceError at `where`. */
export function problem(where: string, error: z.ZodError, input: unknown): TraceError {
  const issue = error.issues[0] as z.core.$ZodIssue;
  const field = issue.path.length === 0 ? where : `${where}: ${pathText(issue.path)}`;
  const got = lookup(input, issue.path);
  const gotText = got === undefined ? 'nothing (the field is missing)' : show(got);
  switch (issue.code) {
    case 'invalid_type':
      return new TraceError(field, gotText, `a value of type ${issue.expected}`);
    case 'invalid_value':
      return new TraceError(field, gotText, issue.values.map(String));
    case 'too_small':
      return new TraceError(field, gotText, `at least ${String(issue.minimum)}`);
    case 'too_big':
      return new TraceError(field, gotText, `at most ${String(issue.maximum)}`);
    case 'invalid_union':
      return new TraceError(
        field,
        gotText,
        'a count (a number, or a decimal string for 64-bit fields)',
      );
    case 'invalid_key': {
      // The path ends with the key: name the map, and the key as what was there.
      const map = issue.path.slice(0, -1);
      const key = issue.path[issue.path.length - 1];
      return new TraceError(
        `${where}: ${pathText(map)}`,
        `the key ${show(key)}`,
        issue.issues[0]?.message ?? issue.message,
      );
    }
    default:
      return new TraceError(field, gotText, issue.message);
  }
}
