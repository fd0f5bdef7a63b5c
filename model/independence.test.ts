/**
 * The model is written independently of the engine (docs/style.md#engine-and-model-apart): no file
 * of model/ imports the engine's code; the event type is the one thing it shares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('model/', () => {
  it('imports nothing from engine/ but types', () => {
    const offending = sources(root).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /from '(\.\.\/)+engine\//.test(line) && !/^import type /.test(line))
        .map((line) => `${file.slice(root.length)}: ${line}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps each driver design to 60 lines and the machine to about 150', () => {
    const lines = (f: string) => readFileSync(join(root, f), 'utf8').split('\n').length;
    for (const f of readdirSync(join(root, 'variants')))
      expect(lines(join('variants', f)), f).toBeLessThanOrEqual(61);
    expect(lines('flowMachine.ts')).toBeLessThanOrEqual(200);
  });
});
