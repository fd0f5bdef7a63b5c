/**
 * The breadth-first checker on several threads: each worker (searchWorker.ts) owns the states
 * whose key hashes to it (ownerOf.ts) and its own copy of the model; level by level, every worker
 * expands the states it owns, the successors it does not own go to their owners, and the level
 * ends when every owner has stored what it received. The states, their levels and each state's
 * annotation (the meet over every arrival in the level) are those of breadthFirst.ts, so the
 * distinct count, the depth and each property's shortest depth are too; a trace may be another
 * one of the same length. The coordinator (this thread) waits on the workers synchronously
 * (Atomics.wait and receiveMessageOnPort), so the search is a plain function call.
 *
 * Leaves out: stopping inside a level (the stop conditions and `maxStates` are checked between
 * levels; only a memory shortage stops a worker inside one), and hooks (split searches run on one thread).
 */
import type { MessagePort } from 'node:worker_threads';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { stopsAfter } from './breadthFirst.js';
import type { Found, SearchLimits, SearchOutcome } from './SearchModel.js';
import type { FoundEntry, FromWorker, ModelModule, ToWorker } from './workerMessages.js';

/** Keeps the shortest of `entries` per property in `found` (ties: the first worker's). */
function mergeFound(found: Map<number, Found>, entries: readonly FoundEntry[]): void {
  for (const e of entries) {
    const had = found.get(e.bit);
    if (had !== undefined && had.depth <= e.depth) continue;
    found.set(e.bit, {
      depth: e.depth,
      state: e.state,
      key: e.key === null ? null : Uint32Array.from(e.key),
    });
  }
}

/** Totals of one level's reports. */
interface LevelTotals {
  /** The workers' model counters, summed. */
  counters: Record<string, number>;
  stored: number;
  generated: number;
  finals: number;
  /** States the workers left unexpanded because memory ran short. */
  unexpanded: number;
  bytes: number;
}

/**
 * Worker threads that run searches, one after another.
 *
 * @example
 * const pool = new WorkerPool(2); pool.search({ url, args }, {}).distinct //=> 1507242; pool.close()
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor(readonly count: number) {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(new URL('./workerMain.js', import.meta.url), {
        workerData: { index: i, count, port: port2, signal: this.signal },
        transferList: [port2],
      });
      worker.unref();
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  private post(i: number, m: ToWorker, transfer: ArrayBuffer[] = []): void {
    (this.workers[i] as Worker).postMessage(m, transfer);
  }

  private all(m: ToWorker): void {
    for (let i = 0; i < this.count; i++) this.post(i, m);
  }

  /** Waits for `n` messages (one from each worker by default); returns them by worker. */
  private gather<T extends FromWorker['t']>(t: T, n = this.count): Extract<FromWorker, { t: T }>[] {
    const got: FromWorker[] = [];
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      for (const port of this.ports) {
        for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
          const msg = m.message as FromWorker;
          if (msg.t === 'error') throw new Error(msg.message);
          got.push(msg);
        }
      }
      if (got.length >= n) break;
      Atomics.wait(this.signal, 0, seen, 1000);
    }
    const byWorker = got.filter((m) => m.t === t) as Extract<FromWorker, { t: T }>[];
    return byWorker.sort((a, b) => a.worker - b.worker);
  }

  /** Waits for every worker's level report; merges what they found. */
  private level(found: Map<number, Found>): LevelTotals {
    const totals: LevelTotals = {
      counters: {},
      ...{ stored: 0, generated: 0, finals: 0, unexpanded: 0, bytes: 0 },
    };
    for (const r of this.gather('level')) {
      totals.stored += r.stored;
      totals.unexpanded += r.unexpanded;
      totals.generated += r.generated;
      totals.finals += r.finals;
      totals.bytes += r.bytes;
      for (const [k, v] of Object.entries(r.counters))
        totals.counters[k] = (totals.counters[k] ?? 0) + v;
      if (r.drift !== 0)
        throw new Error(
          `checker: worker ${r.worker}'s model met ${r.drift} states its build had not numbered, so the workers' keys may differ; search with one worker`,
        );
      mergeFound(found, r.found);
    }
    return totals;
  }

  /** Expands one level: routes every worker's records to their owners. */
  private expand(depth: number, found: Map<number, Found>, maxBytes?: number): LevelTotals {
    this.all({ t: 'expand', depth, ...(maxBytes === undefined ? {} : { maxBytes }) });
    const outs = this.gather('out');
    for (let j = 0; j < this.count; j++) {
      const parts = outs.map((o) => o.parts[j] as ArrayBuffer);
      this.post(j, { t: 'in', parts }, parts);
    }
    return this.level(found);
  }

  /** The keys after the initial state on the path to `f`, asked of the workers that own them. */
  private path(f: Found): Uint32Array[] {
    const keys: Uint32Array[] = f.key === null ? [] : [f.key];
    for (let s = f.state; ;) {
      this.post(s % this.count, { t: 'path', state: s });
      const [p] = this.gather('path', 1);
      if (p === undefined || p.parent < 0) break;
      keys.push(Uint32Array.from(p.key));
      s = p.parent;
    }
    return keys.reverse();
  }

  /** Searches the model of `module` breadth first on every worker. */
  search(module: ModelModule, limits: SearchLimits = {}): SearchOutcome {
    const now = limits.now ?? (() => performance.now());
    const started = now();
    this.all({ t: 'model', module });
    const about = this.gather('ready')[0]?.about ?? null;
    const found = new Map<number, Found>();
    this.all({ t: 'init' });
    let totals = this.level(found);
    let distinct = totals.stored;
    let generated = 1;
    let finalStates = 0;
    let depth = 0;
    let queueLeft = 0;
    let nextProgress = started + 1000;
    let widest = 1;
    const stop = (): boolean =>
      (found.size > 0 && stopsAfter(limits, totals.stored, widest)) ||
      (limits.stopAtFirst === true && found.size > 0) ||
      (limits.stopWhen !== undefined && found.has(limits.stopWhen)) ||
      distinct >= (limits.maxStates ?? Number.POSITIVE_INFINITY);
    for (;;) {
      totals = this.expand(depth, found, limits.maxBytes);
      generated += totals.generated;
      finalStates += totals.finals;
      distinct += totals.stored;
      if (totals.stored + totals.unexpanded === 0) break;
      if (stop() || totals.unexpanded > 0) {
        queueLeft = totals.stored + totals.unexpanded;
        break;
      }
      widest = Math.max(widest, totals.stored);
      depth++;
      const t = now();
      if (limits.onProgress !== undefined && t >= nextProgress) {
        nextProgress = t + 1000;
        limits.onProgress({
          generated,
          distinct,
          queue: totals.stored,
          depth,
          elapsedMs: t - started,
        });
      }
    }
    return {
      generated,
      distinct,
      queueLeft,
      depth,
      finalStates,
      complete: queueLeft === 0,
      outOfMemory: totals.unexpanded > 0,
      wallMs: now() - started,
      bytes: totals.bytes,
      found,
      ...(about === null ? {} : { about }),
      counters: totals.counters,
      path: (f) => this.path(f),
    };
  }

  close(): void {
    this.all({ t: 'end' });
    for (const w of this.workers) void w.terminate();
  }
}
