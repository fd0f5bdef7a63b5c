/**
 * `updateConnWithStats` against a baseline, and against a small oracle written from the Go source
 * field by field (pkg/network/state.go, event_common_notlinux.go).
 */
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Baseline } from './AgentVariant.js';
import type { ConnectionStats, Cookie } from './ConnectionStats.js';
import { connection, cookie } from './ConnectionStats.js';
import type { StatCounters } from './statCounters.js';
import { COUNTER_FIELDS, counters } from './statCounters.js';
import type { TCPFailures } from './tcpFailures.js';
import { updateConnWithStats } from './updateConnWithStats.js';
import { smallStatCounters } from '../../generators/statCounters.js';
import { postfix } from './variants/postfix.js';
import { prefix } from './variants/prefix.js';

const SEED = 20261125;
const ONE = cookie(1);
const RESET = { '104': 1 };

const record = (monotonic: Partial<StatCounters>, tcpFailures: TCPFailures = {}): ConnectionStats =>
  connection({ cookie: ONE, monotonic: counters(monotonic), tcpFailures });
const baselines = (
  c: Partial<StatCounters>,
  failures: TCPFailures = {},
): ReadonlyMap<Cookie, Baseline> => new Map([[ONE, { counters: counters(c), failures }]]);

describe('updateConnWithStats', () => {
  it('ships the whole history of a cookie with no baseline and stores nothing', () => {
    const stats = new Map<Cookie, Baseline>();
    const u = updateConnWithStats(stats, ONE, record({ sentBytes: 8 }, RESET), prefix);
    expect(u).toEqual({
      conn: { ...record({ sentBytes: 8 }, RESET), last: counters({ sentBytes: 8 }) },
      stats,
      baseline: undefined,
      rawFailures: RESET,
      underflow: false,
      suppressed: false,
    });
  });

  it('ships the delta against the baseline and stores the new counters with the failures read', () => {
    const u = updateConnWithStats(
      baselines({ sentBytes: 3 }),
      ONE,
      record({ sentBytes: 8, tcpClosed: 1 }, RESET),
      prefix,
    );
    expect(u.conn.last).toEqual(counters({ sentBytes: 5, tcpClosed: 1 }));
    expect(u.stats.get(ONE)).toEqual({
      counters: counters({ sentBytes: 8, tcpClosed: 1 }),
      failures: RESET,
    });
    expect([u.baseline, u.underflow, u.suppressed, u.conn.tcpFailures]).toEqual([
      { counters: counters({ sentBytes: 3 }), failures: {} },
      false,
      false,
      RESET,
    ]);
  });

  it('takes the maximum with the baseline on an underflow and ships the non-negative part', () => {
    const u = updateConnWithStats(
      baselines({ sentBytes: 9, recvBytes: 1 }),
      ONE,
      record({ sentBytes: 3, recvBytes: 4 }),
      prefix,
    );
    expect([u.underflow, u.conn.monotonic, u.conn.last, u.stats.get(ONE)?.counters]).toEqual([
      true,
      counters({ sentBytes: 9, recvBytes: 4 }),
      counters({ recvBytes: 3 }),
      counters({ sentBytes: 9, recvBytes: 4 }),
    ]);
  });

  it('keeps a drop of TCPClosed to 0 as it is: no underflow, nothing maxed', () => {
    const u = updateConnWithStats(
      baselines({ tcpClosed: 1 }),
      ONE,
      record({ sentBytes: 2 }),
      prefix,
    );
    expect([u.underflow, u.conn.monotonic.tcpClosed, u.stats.get(ONE)?.counters.tcpClosed]).toEqual(
      [false, 0, 0],
    );
  });

  it('lets the design decide the failures and the suppression (postfix on a re-report)', () => {
    const u = updateConnWithStats(
      baselines({ sentBytes: 3, tcpClosed: 1 }),
      ONE,
      record({ sentBytes: 8, tcpClosed: 1 }, RESET),
      postfix,
    );
    expect([u.conn.tcpFailures, u.rawFailures, u.suppressed, u.stats.get(ONE)?.failures]).toEqual([
      {},
      RESET,
      true,
      RESET,
    ]);
  });

  it('leaves the baselines it was given untouched', () => {
    const stats = baselines({ sentBytes: 3 });
    updateConnWithStats(stats, ONE, record({ sentBytes: 8 }), prefix);
    expect(stats.get(ONE)?.counters.sentBytes).toBe(3);
  });
});

// The oracle: Sub per field, with the max-and-recompute rule on an underflow.
function oracle(base: StatCounters | undefined, cur: StatCounters) {
  if (base === undefined) return { monotonic: cur, last: cur, underflow: false };
  const gauge = (f: keyof StatCounters) =>
    ['retransmits', 'tcpEstablished', 'tcpClosed'].includes(f);
  const under = COUNTER_FIELDS.some((f) =>
    gauge(f) ? cur[f] > 0 && cur[f] < base[f] : cur[f] < base[f],
  );
  const mono = under
    ? counters(Object.fromEntries(COUNTER_FIELDS.map((f) => [f, Math.max(cur[f], base[f])])))
    : cur;
  const last = counters(
    Object.fromEntries(
      COUNTER_FIELDS.map((f) => [
        f,
        gauge(f) ? (mono[f] > 0 ? mono[f] - base[f] : 0) : mono[f] - base[f],
      ]),
    ),
  );
  return { monotonic: mono, last, underflow: under };
}

const statCounters = smallStatCounters(4);
const failures = fc.constantFrom<TCPFailures>({}, RESET, { '110': 2 });

describe(`updateConnWithStats against an oracle (seed ${SEED})`, () => {
  for (const [name, variant] of [
    ['prefix', prefix],
    ['postfix', postfix],
  ] as const) {
    it.prop([fc.option(statCounters, { nil: undefined }), statCounters, failures], {
      seed: SEED,
      numRuns: 300,
    })(
      `matches the oracle on Last, Monotonic, the underflow and the stored baseline (${name})`,
      (base, cur, tcpFailures) => {
        const stats =
          base === undefined
            ? new Map<Cookie, Baseline>()
            : new Map([[ONE, { counters: base, failures: {} }]]);
        const u = updateConnWithStats(
          stats,
          ONE,
          connection({ cookie: ONE, monotonic: cur, tcpFailures }),
          variant,
        );
        const o = oracle(base, cur);
        expect([u.conn.last, u.conn.monotonic, u.underflow]).toEqual([
          o.last,
          o.monotonic,
          o.underflow,
        ]);
        expect(u.stats.get(ONE)).toEqual(
          base === undefined ? undefined : { counters: o.monotonic, failures: tcpFailures },
        );
        expect(u.rawFailures).toBe(tcpFailures);
      },
    );
  }
});
