/**
 * One worker of a parallel breadth-first search (parallelBreadthFirst.ts): it stores the states it
 * owns (ownerOf.ts), expands them level by level with its own copy of the model, keeps the
 * successors it owns and sends the others, with their parent and annotation, to their owners
 * through the coordinator. A successor another worker owns is reported to the model as pending
 * (its annotation is then always computed; the owner narrows or sets it as the checker does).
 *
 * Leaves out: what the states mean (the model module), when to stop (the coordinator).
 */
import type { MessagePort } from 'node:worker_threads';
import { parentPort, workerData } from 'node:worker_threads';
import { memoryOver } from '../../lib/memoryOver.js';
import { VisitedSet } from '../VisitedSet.js';
import { ownerOf } from './ownerOf.js';
import { recordFound } from './recordFound.js';
import type { Found, SearchModel, Successors } from './SearchModel.js';
import { NEW, OLD, PENDING } from './SearchModel.js';
import type { FoundEntry, FromWorker, ToWorker } from './workerMessages.js';

interface Setup {
  readonly index: number;
  readonly count: number;
  readonly port: MessagePort;
  readonly signal: Int32Array;
}

const { index, count, port, signal } = workerData as Setup;

const reply = (m: FromWorker, transfer: ArrayBuffer[] = []): void => {
  port.postMessage(m, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

/** Records for one other worker: key, parent, annotation. */
class Outbox {
  buf = new Uint32Array(1 << 12);
  used = 0;
  push(key: Uint32Array, parent: number, words: number): number {
    if (this.used + words + 2 > this.buf.length) {
      const grown = new Uint32Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    for (let w = 0; w < words; w++) this.buf[this.used + w] = key[w] as number;
    this.buf[this.used + words] = parent;
    this.used += words + 2;
    return this.used - 1;
  }
  take(): ArrayBuffer {
    const out = this.buf.slice(0, this.used).buffer;
    this.used = 0;
    return out;
  }
}

/** This worker's share of one search. */
class Share implements Successors {
  readonly visited: VisitedSet;
  readonly words: number;
  readonly ownerWords: number;
  readonly outboxes: Outbox[];
  newFound: FoundEntry[] = [];
  levelEnd = 0;
  levelStart = 0;
  depth = 0;
  cur = 0;
  generated = 0;
  finals = 0;
  /** States of the level just expanded that memory left unexpanded. */
  unexpanded = 0;
  readonly stopped = false;
  private lastLocal = -1;
  private lastRemote: Outbox | null = null;
  private lastAt = 0;

  constructor(
    readonly model: SearchModel,
    /** What this share has found; the model skips judging it (the same map). */
    readonly found: Map<number, Found>,
  ) {
    this.words = model.words;
    this.ownerWords = model.ownerWords ?? model.words;
    this.visited = new VisitedSet(model.words);
    this.outboxes = Array.from({ length: count }, () => new Outbox());
  }

  gid = (local: number): number => local * count + index;

  record(bits: number, state: number, key: Uint32Array | null, at: number): void {
    const added = recordFound(this.found, bits, state, key, at);
    for (let k = 0, b = added; b !== 0; k++, b >>>= 1)
      if ((b & 1) !== 0)
        this.newFound.push({ bit: k, depth: at, state, key: key === null ? null : [...key] });
  }

  store(key: Uint32Array, parent: number, at: number): number {
    const r = this.visited.add(key, parent);
    if (r >= 0) {
      const bits = this.model.judge(key);
      if (bits !== 0) this.record(bits, this.gid(r), null, at);
    }
    return r;
  }

  add(key: Uint32Array, stepBits: number): number {
    this.generated++;
    const parent = this.gid(this.cur);
    if (stepBits !== 0) this.record(stepBits, parent, key, this.depth + 1);
    const o = ownerOf(key, 0, this.ownerWords, count);
    if (o !== index) {
      this.lastRemote = this.outboxes[o] as Outbox;
      this.lastAt = this.lastRemote.push(key, parent, this.words);
      return PENDING;
    }
    this.lastRemote = null;
    const r = this.store(key, parent, this.depth + 1);
    this.lastLocal = r;
    if (r >= 0) return NEW;
    return -r - 1 < this.levelEnd ? OLD : PENDING;
  }

  annotate(word: number): void {
    if (this.lastRemote !== null) {
      this.lastRemote.buf[this.lastAt] = word;
      return;
    }
    this.meet(this.lastLocal, word);
  }

  /** Meets an arrival's annotation into `r` (VisitedSet.meet) unless it is stored at an expanded level. */
  meet(r: number, word: number): void {
    if (r >= 0 || -r - 1 >= this.levelEnd) this.visited.meet(r, word);
  }

  final(bits: number): void {
    this.finals++;
    if (bits !== 0) this.record(bits, this.gid(this.cur), null, this.depth);
  }

  expandLevel(depth: number, maxBytes: number | undefined): ArrayBuffer[] {
    this.depth = depth;
    const key = new Uint32Array(this.words);
    const { visited, words } = this;
    for (let id = this.levelStart; id < this.levelEnd; id++) {
      if (maxBytes !== undefined && (id & 1023) === 0 && memoryOver(maxBytes) !== null) {
        this.unexpanded = this.levelEnd - id;
        break;
      }
      this.cur = id;
      for (let w = 0; w < words; w++) key[w] = visited.keys[id * words + w] as number;
      this.model.expand(key, visited.sleep[id] as number, depth, this);
    }
    return this.outboxes.map((o) => o.take());
  }

  ingest(parts: readonly ArrayBuffer[]): void {
    const { words } = this;
    for (const part of parts) {
      const recs = new Uint32Array(part);
      for (let at = 0; at < recs.length; at += words + 2) {
        const key = recs.subarray(at, at + words);
        const r = this.store(key, recs[at + words] as number, this.depth + 1);
        this.meet(r, recs[at + words + 1] as number);
      }
    }
  }

  /** Closes the level being built; returns what it added. */
  levelReport(): FromWorker {
    this.levelStart = this.levelEnd;
    this.levelEnd = this.visited.size;
    const report: FromWorker = {
      t: 'level',
      worker: index,
      stored: this.levelEnd - this.levelStart,
      generated: this.generated,
      finals: this.finals,
      unexpanded: this.unexpanded,
      bytes: this.visited.bytes,
      drift: this.model.drift?.() ?? 0,
      counters: this.model.counters?.() ?? {},
      found: this.newFound,
    };
    this.generated = 0;
    this.finals = 0;
    this.unexpanded = 0;
    this.newFound = [];
    return report;
  }
}

let share: Share | null = null;

async function handle(m: ToWorker): Promise<void> {
  if (m.t === 'model') {
    const { module } = m;
    const mod = (await import(module.url)) as {
      createSearchModel(args: unknown, found: Map<number, Found>): SearchModel;
    };
    const found = new Map<number, Found>();
    share = new Share(mod.createSearchModel(module.args, found), found);
    reply({ t: 'ready', worker: index, words: share.words, about: share.model.about?.() ?? null });
    return;
  }
  const s = share as Share;
  if (m.t === 'init') {
    const key = new Uint32Array(s.words);
    s.model.initial(key);
    if (ownerOf(key, 0, s.ownerWords, count) === index) s.store(key, -1, 0);
    reply(s.levelReport());
  } else if (m.t === 'expand') {
    const parts = s.expandLevel(m.depth, m.maxBytes);
    reply({ t: 'out', worker: index, parts }, [...parts]);
  } else if (m.t === 'in') {
    s.ingest(m.parts);
    reply(s.levelReport());
  } else if (m.t === 'path') {
    const local = (m.state - index) / count;
    const key = [...s.visited.keyOf(local)];
    reply({ t: 'path', worker: index, key, parent: s.visited.parents[local] as number });
  } else share = null;
}

parentPort?.on('message', (m: ToWorker) => {
  handle(m).catch((e: unknown) =>
    reply({ t: 'error', worker: index, message: e instanceof Error ? e.message : String(e) }),
  );
});
