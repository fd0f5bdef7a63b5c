/**
 * Every Mermaid diagram the project writes, read by Mermaid's own parser (mermaid 11, under jsdom
 * as it needs a DOM): the model's state diagrams for every driver × agent design, the copies in
 * README.md and model/README.md, and `render --format mermaid` of every counterexample. A state
 * diagram must parse and name exactly the states the text declares: a stray state (such as `;`
 * or `[g]`, what a one-line note cut at a `;` leaves) fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { agentModelNames } from '../model/agents/index.js';
import { systemModel } from '../model/systemModel.js';
import { toMermaid } from '../model/toMermaid.js';
import { driverModelNames } from '../model/variants/index.js';

interface StateDb {
  getData(): { nodes: readonly { id: string }[] };
}
type Mermaid = typeof import('mermaid').default;
let mermaid: Mermaid;

beforeAll(async () => {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default;
});

/** The states Mermaid reads from `text`, without its start and end pseudo-states, notes and dividers. */
async function statesOf(text: string): Promise<string[]> {
  // parse() loads the diagram type that getDiagramFromText needs, and throws on a syntax error.
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as StateDb;
  const ids = db.getData().nodes.map((n) => n.id);
  return [...new Set(ids)]
    .filter((k) => !/_(start|end)$|----|^id-[a-z0-9]+-\d+$|^divider-id/.test(k))
    .sort();
}

/** The states the text declares (`state "…" as id`) and the targets of its transitions. */
function declared(text: string): string[] {
  const ids = new Set<string>();
  for (const m of text.matchAll(/^\s*state "[^"]*" as (\w+)/gm)) ids.add(m[1] as string);
  for (const m of text.matchAll(/^\s*(\w+) --> (\w+)/gm))
    ids.add(m[1] as string).add(m[2] as string);
  return [...ids].sort();
}

const blocks = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);

describe("Mermaid's parser", () => {
  const designs = driverModelNames.flatMap((driver) =>
    agentModelNames.map((agent) => ({ driver, agent })),
  );

  it.each(designs)('reads the model of $driver × $agent with exactly its states', async (d) => {
    for (const flows of [1, 2]) {
      const text = toMermaid(systemModel({ ...d, flows, layers: 2 }).machine);
      const states = await statesOf(text);
      expect(states).toEqual(declared(text));
      expect(states.some((s) => s === ';' || s.includes('['))).toBe(false);
    }
  });

  it.each(['README.md', 'model/README.md'])(
    'reads the diagrams of %s with exactly their states',
    async (file) => {
      const found = blocks(file).filter((b) => b.startsWith('stateDiagram'));
      expect(found.length).toBeGreaterThan(0);
      for (const text of found) expect(await statesOf(text)).toEqual(declared(text));
    },
  );

  it('parses `render --format mermaid` of every counterexample', async () => {
    const files = readdirSync('counterexamples').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const b = bufferIo();
      expect(await main(['render', `counterexamples/${f}`, '--format', 'mermaid'], b.io)).toBe(0);
      await expect(mermaid.parse(b.stdout())).resolves.toMatchObject({ diagramType: 'sequence' });
    }
  });
});
