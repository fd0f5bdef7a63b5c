/**
 * `lingering replay` on a trace the engine refuses: exit 2 with one line naming the file and the
 * event refused, and nothing on standard output; on one it accepts, a report titled by the file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lingering-replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A trace of original × prefix with `events`, written as `name` in the temporary folder. */
function traceFile(name: string, events: readonly object[], layers?: number): string {
  const file = join(dir, name);
  const trace = {
    format: 'lingering-trace/v1',
    driver: 'original',
    agent: 'prefix',
    layers,
    events,
  };
  writeFileSync(file, JSON.stringify(trace));
  return file;
}

/** `lingering replay FILE` in this process. */
async function replay(file: string) {
  const b = bufferIo();
  const status = await main(['replay', file], b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

describe('lingering replay, a refused trace', () => {
  it('exits 2 with one line naming the file and the event the engine refused', async () => {
    // Arrange: a well-formed file whose first event ends a callout on a flow never established.
    const file = traceFile('refused.json', [{ type: 'calloutExit', flow: 1 }]);
    // Act
    const r = await replay(file);
    // Assert
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `lingering: ${file}: events[0] calloutExit(1): flow 1 was never established\n`,
    ]);
  });
});

describe('lingering replay, an accepted trace', () => {
  it('titles the text report with the command and the file', async () => {
    const file = traceFile('one.json', [{ type: 'establish', flow: 1 }], 1);
    const r = await replay(file);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[0]).toBe(
      `replay ${file}: driver original, agent prefix, L=1, 1 client, 1 events`,
    );
  });
});
