/**
 * The committed JSON Schemas in docs/schemas/ are exactly what scripts/schemas.ts generates from
 * the zod schemas now, and the trace schema agrees with what `parseTrace` accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../engine/events.js';
import { TraceDocumentSchema } from '../engine/trace.js';
import { SCHEMA_FILES, SCHEMAS_DIR, schemaText } from './schemas.js';

const COUNTEREXAMPLES = fileURLToPath(new URL('../counterexamples/', import.meta.url));

describe('docs/schemas', () => {
  it.each(SCHEMA_FILES.map((f) => [f.file, f] as const))(
    '%s matches what `npm run schemas` generates',
    (file, f) => {
      const committed = readFileSync(SCHEMAS_DIR + file, 'utf8');
      // A difference means the zod schema changed: run `npm run schemas` and commit the result.
      expect(committed).toBe(schemaText(f));
    },
  );

  it('holds no schema file that the script does not write', () => {
    const written = SCHEMA_FILES.map((f) => f.file).sort();
    expect(readdirSync(SCHEMAS_DIR).sort()).toEqual(written);
  });

  it('gives the trace schema one event shape per event type, in the vocabulary order', () => {
    const trace = JSON.parse(schemaText(SCHEMA_FILES[0]!)) as {
      properties: { events: { items: { oneOf: { properties: { type: { const: string } } }[] } } };
    };
    const types = trace.properties.events.items.oneOf.map((e) => e.properties.type.const);
    expect(types).toEqual([...EVENT_TYPES]);
  });

  it('accepts every committed counterexample with the trace document schema', () => {
    const files = readdirSync(COUNTEREXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const refused = files.filter(
      (f) =>
        !TraceDocumentSchema.safeParse(JSON.parse(readFileSync(COUNTEREXAMPLES + f, 'utf8')))
          .success,
    );
    expect(refused).toEqual([]);
  });
});
