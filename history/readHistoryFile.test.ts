/**
 * The streaming reader against the whole-file reader: the same polls and the same audit on the
 * fixtures and on generated histories, whatever the block size; the caps and their messages;
 * and a text audit of many connections, written line by line, with every row.
 */
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { auditHistory } from './auditHistory.js';
import { bigHistoryLines } from './bigHistory.js';
import { formatAudit } from './formatAudit.js';
import type { HistoryPoll } from './History.js';
import { parseHistory } from './parseHistory.js';
import type { ReadOptions } from './readHistoryFile.js';
import { readHistoryFile } from './readHistoryFile.js';
import { startAudit } from './startAudit.js';

/**
 * The descriptors this process holds open on `file` (Linux's /proc/self/fd). Not a spy on
 * node:fs: the suite's files share one module graph (`isolate: false`), where vi.mock does not hold.
 */
const openOn = (file: string): string[] =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed between the listing and the read
    }
  });

const SEED = 20261130;
const FIXTURES = ['lingering.jsonl', 'lingering-mixed.jsonl', 'clean.json', 'production.jsonl'].map(
  (f) => `history/fixtures/${f}`,
);
const dir = mkdtempSync(join(tmpdir(), 'lingering-stream-'));
const tmp = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const streamed = (file: string, options?: ReadOptions): HistoryPoll[] => {
  const polls: HistoryPoll[] = [];
  readHistoryFile(file, 1, (p) => polls.push(p), options);
  return polls;
};

const whole = (file: string) => parseHistory([file], [readFileSync(file, 'utf8')]);

describe(`readHistoryFile (seed ${SEED})`, () => {
  it.prop([fc.constantFrom(...FIXTURES), fc.integer({ min: 1, max: 4096 })], {
    seed: SEED,
    numRuns: 60,
  })(
    'gives the polls of the whole-file reader on every fixture, whatever the block size',
    (file, b) => {
      expect(streamed(file, { blockBytes: b })).toEqual(whole(file).polls);
    },
  );

  it('gives the same audit as the whole-file reader on a generated history, blocks of any size', () => {
    const n = 600;
    const shape = { perPayload: 100, lingerEvery: 50 };
    const file = tmp('big.jsonl', [...bigHistoryLines(n, shape)].map((l) => `${l}\n`).join(''));
    const expected = auditHistory(whole(file));
    // One in 50 lingers: closed with a failure, then a failure again without a close.
    const broken = (name: string) => expected.claims.find((c) => c.name === name)?.violations;
    expect(broken('NoLingeringReReport')).toHaveLength(n / shape.lingerEvery);
    expect(expected.connections).toHaveLength(n);
    // fc.assert, not it.prop: the history the property reads is written and checked first.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 16 }), (b) => {
        const run = startAudit();
        readHistoryFile(file, 1, run.add, { blockBytes: b });
        expect(run.finish([file])).toEqual(expected);
      }),
      { seed: SEED, numRuns: 8 },
    );
  });

  it('names a single payload by the file alone, as the whole-file reader does', () => {
    const file = tmp('one.json', '{"conns":[]}\n\n');
    expect(streamed(file).map((p) => p.source)).toEqual([file]);
  });

  it('caps each line, not the file, for JSON lines', () => {
    const line = '{"conns":[]}\n';
    const file = tmp('lines.jsonl', `${line.repeat(3)}{"conns":[${' '.repeat(64)}]}\n`);
    expect(streamed(file, { maxFileBytes: 16 })).toHaveLength(4);
    expect(() => streamed(file, { maxLineBytes: 32, maxFileBytes: 16 })).toThrow(
      `${file}:4: got a line over`,
    );
  });

  it('reads other shapes whole under the file cap, and says a larger history must be JSON lines', () => {
    const file = tmp('array.json', JSON.stringify([{ conns: [] }, { conns: [] }]));
    expect(streamed(file)).toHaveLength(2);
    expect(() => streamed(file, { maxFileBytes: 8 })).toThrow(
      'a larger history must be JSON lines, one payload per line',
    );
  });

  it('caps the depth of each line', () => {
    const deep = `{"conns":[],"x":${'['.repeat(70)}${']'.repeat(70)}}`;
    const file = tmp('deep.jsonl', `{"conns":[]}\n${deep}\n`);
    expect(() => streamed(file)).toThrow(`${file}:2: got JSON nested deeper than 64 levels`);
  });

  it('formats every row of a history of many connections, line by line', () => {
    const n = 3000;
    const file = tmp(
      'rows.jsonl',
      [...bigHistoryLines(n, { perPayload: 1000, lingerEvery: 1000 })].join('\n'),
    );
    const run = startAudit();
    readHistoryFile(file, 1, run.add);
    const lines = formatAudit(run.finish([file]), 'audit')
      .trimEnd()
      .split('\n');
    expect(lines.filter((l) => l.startsWith('tcp v4 pid 4242 '))).toHaveLength(n);
  });

  it('numbers the polls from the number it is given and returns how many it read', () => {
    const file = tmp('numbered.jsonl', '{"conns":[]}\n{"conns":[]}\n');
    const polls: HistoryPoll[] = [];
    expect(readHistoryFile(file, 5, (p) => polls.push(p))).toBe(2);
    expect(polls.map((p) => [p.poll, p.source])).toEqual([
      [5, `${file}:1`],
      [6, `${file}:2`],
    ]);
    const array = tmp('numbered.json', '[{"conns":[]}, {"conns":[]}]');
    expect(readHistoryFile(array, 3, (p) => polls.push(p))).toBe(2);
    expect(polls.slice(2).map((p) => [p.poll, p.source])).toEqual([
      [3, `${array}[0]`],
      [4, `${array}[1]`],
    ]);
  });

  it.each([
    ['one payload over several lines', '{\n  "conns": []\n}\n', ['']],
    [
      'a replay report on one line',
      JSON.stringify({ driver: 'd', agent: 'a', polls: [{ poll: 1, client: 1, records: [] }] }),
      ['#polls[0]'],
    ],
    ['an array after blank lines', '\n \n[{"conns":[]}]', ['[0]']],
  ])('reads %s whole', (_, text, suffixes) => {
    const file = tmp('whole.json', text);
    expect(streamed(file, { blockBytes: 2 }).map((p) => p.source)).toEqual(
      suffixes.map((s) => `${file}${s}`),
    );
  });

  it('finds the first byte past blanks longer than a block, and streams (no file cap)', () => {
    const file = tmp('blanks.jsonl', `${' \t\r\n'.repeat(8)}{"conns":[]}\n{"conns":[]}\n`);
    expect(streamed(file, { blockBytes: 3, maxFileBytes: 16 }).map((p) => p.source)).toEqual([
      `${file}:9`,
      `${file}:10`,
    ]);
  });

  it('refuses an empty or blank file, naming it', () => {
    for (const text of ['', '  \n\n'])
      expect(() => streamed(tmp('empty.jsonl', text))).toThrow(
        /empty\.jsonl: got no payload; allowed: a \/network_tracer\/connections payload/,
      );
  });

  it('names the line of a later line that is not a payload, or not JSON', () => {
    const file = tmp('bad.jsonl', '{"conns":[]}\n\n[1]\n');
    expect(() => streamed(file)).toThrow(
      `${file}:3: got [1]; allowed: a payload object with "conns" on each line`,
    );
    const broken = tmp('broken.jsonl', '{"conns":[]}\n{"conns":[}\n');
    expect(() => streamed(broken)).toThrow(`${broken}:2: got invalid JSON (`);
  });

  it('hands over each poll as the next line comes, before that line is read', () => {
    const file = tmp('order.jsonl', '{"conns":[]}\n{"conns":[]}\nnot json\n');
    const seen: number[] = [];
    expect(() => readHistoryFile(file, 1, (p) => seen.push(p.poll))).toThrow(`${file}:3`);
    expect(seen).toEqual([1, 2]);
  });

  it('reads a first line nested too deep whole, and refuses it naming the file', () => {
    const deep = `{"conns":[],"x":${'['.repeat(70)}${']'.repeat(70)}}`;
    const file = tmp('deep-first.jsonl', `${deep}\n{"conns":[]}\n`);
    expect(() => streamed(file)).toThrow(`${file}: got JSON nested deeper than 64 levels`);
  });

  it('reads a file of exactly the cap whole, and refuses one byte more', () => {
    const text = `[${' '.repeat(50)}{"conns":[]}]`;
    const file = tmp('cap.json', text);
    expect(streamed(file, { maxFileBytes: text.length })).toHaveLength(1);
    expect(() => streamed(file, { maxFileBytes: text.length - 1 })).toThrow(
      `${file}: got a file over`,
    );
  });

  it('reads up to the most payloads of JSON lines, and refuses one more', () => {
    const file = tmp('polls.jsonl', '{"conns":[]}\n'.repeat(3));
    expect(streamed(file, { maxPolls: 3 })).toHaveLength(3);
    expect(() => streamed(file, { maxPolls: 2 })).toThrow(
      `${file}: got more than 2 payloads; allowed: at most 2`,
    );
  });

  it('gives the caps in MiB', () => {
    const file = tmp('mib.jsonl', `{"conns":[]}\n{"conns":[${' '.repeat(2 * 1024 * 1024)}]}\n`);
    expect(() => streamed(file, { maxLineBytes: 1024 * 1024 })).toThrow(
      `${file}:2: got a line over 1 MiB; allowed: JSON lines of up to 1 MiB each (one payload per line)`,
    );
    const array = tmp('mib.json', `[{"conns":[]}${' '.repeat(2 * 1024 * 1024)}]`);
    expect(() => streamed(array, { maxFileBytes: 1024 * 1024 })).toThrow(
      `${array}: got a file over 1 MiB; allowed: a history file up to 1 MiB; a larger history must be JSON lines, one payload per line`,
    );
  });

  it('names what it reads in the refusal of a directory', () => {
    expect(() => streamed(dir)).toThrow(
      `${dir}: got a directory; allowed: a history file that is a regular file (not a FIFO, socket, device or directory)`,
    );
  });

  it('says how deep a line may be, and takes a later line of exactly that depth', () => {
    // Arrange: 1 for the object, 63 for the arrays.
    const at = `{"conns":[],"x":${'['.repeat(63)}${']'.repeat(63)}}`;
    const over = `{"conns":[],"x":${'['.repeat(64)}${']'.repeat(64)}}`;
    const ok = tmp('depth-ok.jsonl', `{"conns":[]}\n${at}\n`);
    const deep = tmp('depth-over.jsonl', `{"conns":[]}\n${over}\n`);
    // Act, Assert
    expect(streamed(ok).map((p) => p.source)).toEqual([`${ok}:1`, `${ok}:2`]);
    expect(() => streamed(deep)).toThrow(
      `${deep}:2: got JSON nested deeper than 64 levels; allowed: at most 64 levels of arrays and objects`,
    );
  });

  it('streams a last line with no newline after it, under no file cap', () => {
    const file = tmp('no-newline.jsonl', '{"conns":[]}\n{"conns":[]}');
    expect(streamed(file, { maxFileBytes: 16 }).map((p) => p.source)).toEqual([
      `${file}:1`,
      `${file}:2`,
    ]);
  });

  it('closes the file it opened, also when a line is refused', () => {
    // Arrange
    const file = tmp('closed.jsonl', '{"conns":[]}\nnot json\n');
    // Act
    expect(() => streamed(file)).toThrow(`${file}:2`);
    // Assert
    expect(openOn(file)).toEqual([]);
  });
});
