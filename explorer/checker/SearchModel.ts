/**
 * The contract between a model and a checker, in the spirit of stateright's `Model` trait: the
 * model packs its states into fixed-width keys of 32-bit words, names its properties by bit
 * (bit k of every mask is property k) and reports the successors of a state; the checker owns the
 * queue, the visited set, counting, violation recording and the result. Nothing here knows what a
 * flow, a driver or an agent is.
 *
 * Leaves out: how a model reduces its space (symmetry, sleep sets, persistent sets and
 * minimisation live in the model's own files; the checker only carries a sleep set's word per
 * state, as the `annotation`).
 */

/** What {@link Successors.add} found: a new state, one stored and not yet expanded, or neither. */
export const NEW = 0;
/** Stored, on the level being built: its annotation may still be narrowed. */
export const PENDING = 1;
/** Stored at the level being expanded or earlier. */
export const OLD = 2;

/** Where the successors of one state go. */
export interface Successors {
  /**
   * Adds the successor whose key is in `key`; `stepBits` are properties violated by this step (a
   * trace to them ends with it). Returns {@link NEW}, {@link PENDING} or {@link OLD}. After NEW or
   * PENDING the model must call {@link annotate} once before the next `add`.
   */
  add(key: Uint32Array, stepBits: number): number;
  /** The annotation (a sleep set) of the successor just added: set when new, narrowed (and) when pending. */
  annotate(word: number): void;
  /**
   * The state being expanded is final (no successor but those that loop); `bits` are violated
   * there. A property is reported here or through `add` and `judge`, never both: the first report
   * of a level is kept, and a final state's is one step shorter than a successor's.
   */
  final(bits: number): void;
  /** True once the search is to stop (a stop condition was met). */
  readonly stopped: boolean;
}

/** A model the checker can search. */
export interface SearchModel {
  /** Words per key. */
  readonly words: number;
  /**
   * Leading words of a key that decide which worker of a parallel search owns it (ownerOf.ts):
   * fewer words keep more successors with their parent's owner, too few balance the work badly.
   * @defaultValue words
   */
  readonly ownerWords?: number;
  /** Writes the initial state's key into `key`. */
  initial(key: Uint32Array): void;
  /** Properties violated by a newly stored state. */
  judge(key: Uint32Array): number;
  /** Reports every successor of the state `key` (stored with `annotation`) at `depth` to `to`. */
  expand(key: Uint32Array, annotation: number, depth: number, to: Successors): void;
  /**
   * States the model has numbered since it was built (a parallel search needs every copy of the
   * model to number states alike, so it fails when this is not 0). @defaultValue 0
   */
  drift?(): number;
  /** Figures about the model for the report (a parallel search passes on its first worker's). */
  about?(): Readonly<Record<string, number>>;
  /** Counters of the work done so far (a parallel search sums its workers'). */
  counters?(): Readonly<Record<string, number>>;
}

/** Where a property was first seen violated: a stored state, or a step from a stored state. */
export interface Found {
  /** Steps from the initial state. */
  readonly depth: number;
  readonly state: number;
  /** The step's target key, or null when the violation is the stored state's own. */
  readonly key: Uint32Array | null;
}

/** Progress, reported about once a second. */
export interface Progress {
  readonly generated: number;
  readonly distinct: number;
  readonly queue: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

/** Hooks a strategy (such as a split search) adds to a search. */
export interface SearchHooks {
  /** Called when level `depth` begins: its states are `[first, end)`. */
  onLevel?(depth: number, first: number, end: number): void;
  /** Whether stored state `id` (key `key`, at `depth`) is expanded here. @defaultValue always */
  expandable?(id: number, key: Uint32Array, depth: number): boolean;
  /** Called once per stored state. */
  onStore?(id: number, key: Uint32Array, depth: number): void;
}

/** How long a search runs. */
export interface SearchLimits {
  /** Stop once this many states are stored. @defaultValue no limit */
  readonly maxStates?: number;
  /** Stop at the first violation of any property. */
  readonly stopAtFirst?: boolean;
  /** Stop once property `stopWhen` is violated. */
  readonly stopWhen?: number;
  /**
   * Stop at the end of the first level where some property is violated; with 'whileGrowing',
   * only while each level is at least as wide as every one before (past the widest level most of
   * the space is behind, and the search goes on).
   */
  readonly stopAfterLevel?: boolean | 'whileGrowing';
  /**
   * Stop, incomplete, once the process's resident memory passes this many bytes or the heap nears
   * V8's limit (lib/memoryOver.ts); checked every 1,024 states. @defaultValue no limit
   */
  readonly maxBytes?: number;
  readonly onProgress?: (p: Progress) => void;
  /** The clock, in milliseconds. @defaultValue performance.now */
  readonly now?: () => number;
}

/** What a search did, before the model turns it into its own report. */
export interface SearchOutcome {
  /** Successors reported (with repeats), plus the initial state. */
  readonly generated: number;
  readonly distinct: number;
  /** States stored but not expanded. */
  readonly queueLeft: number;
  /** The last level reached. */
  readonly depth: number;
  readonly finalStates: number;
  /** Every state expanded, no stop condition met. */
  readonly complete: boolean;
  /** Stopped because memory ran short (`SearchLimits.maxBytes`). */
  readonly outOfMemory: boolean;
  readonly wallMs: number;
  /** Bytes of the visited set. */
  readonly bytes: number;
  /** Property bit → where it was first violated. */
  readonly found: ReadonlyMap<number, Found>;
  /** The model's `about()`, when it has one. */
  readonly about?: Readonly<Record<string, number>>;
  /** The model's `counters()` at the end, when it has them. */
  readonly counters?: Readonly<Record<string, number>>;
  /** The keys of the states after the initial one, in order, on a shortest path to a violation. */
  readonly path: (f: Found) => Uint32Array[];
}
