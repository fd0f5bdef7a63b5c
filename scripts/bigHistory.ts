/**
 * `tsx scripts/bigHistory.ts --connections N --out FILE`: writes a JSON lines history of N
 * connections (100,000 by default) to FILE (one payload per 10,000 connections, some closed with
 * failures, one in 50,000 lingering: history/bigHistory.ts), to measure `lingering audit` at
 * scale (scripts/auditBench.ts).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { int, scriptOptions, str } from '../cli/args.js';
import { bigHistoryLines } from '../history/bigHistory.js';

const { n, file } = scriptOptions(
  {
    name: 'bigHistory',
    purpose: 'write a payload history of N connections',
    options: {
      connections: {
        kind: 'int',
        value: 'N',
        min: 1,
        max: 10_000_000,
        default: 100_000,
        help: 'connections',
      },
      out: { kind: 'text', value: 'FILE', default: 'big-history.jsonl', help: 'where to write' },
    },
  },
  (p) => ({
    n: int(p, 'connections'),
    file: str(p, 'out') ?? 'big-history.jsonl',
  }),
);
const fd = openSync(file, 'w');
for (const line of bigHistoryLines(n)) writeSync(fd, `${line}\n`);
closeSync(fd);
process.stderr.write(`${file}: ${n} connections\n`);
