/**
 * The audit as the history streams by, poll after poll, in time linear in the records and memory
 * linear in the connections: of each connection and each backend it keeps the totals the claims
 * judge and only the records a witness can hold (history/README.md, "Witnesses"), judges each
 * claim once each poll is in, and never holds a whole poll after its turn.
 */
import type { AuditReport, BackendSums, ClaimVerdict } from './AuditReport.js';
import type {
  AuditClaim,
  AuditViolation,
  ConnectionSoFar,
  RecordClaim,
} from './claims/AuditClaim.js';
import { auditClaims } from './claims/index.js';
import type { HistoryPoll, HistoryRecord } from './History.js';
import { BackendState } from './AuditState.js';
import { ConnectionTable } from './ConnectionTable.js';
import type { SummaryList } from './formatAudit.js';

/**
 * An audit in progress: `add` each poll in order, then `finish`. `finish(files, false)` leaves
 * the report's connections empty, for a caller that reads them one at a time from `summaries`.
 */
export interface AuditRun {
  readonly add: (poll: HistoryPoll) => void;
  readonly finish: (files: readonly string[], withConnections?: boolean) => AuditReport;
  readonly summaries: () => SummaryList;
}

/** A violation and the rank of its subject (first appearance), to list them as they appeared. */
interface Found {
  readonly rank: number;
  readonly violation: AuditViolation;
}

/** A claim of one scope, its index among the claims (its bit) and where its violations go. */
interface Indexed<C extends AuditClaim> {
  readonly k: number;
  readonly claim: C;
  readonly found: Found[];
}

const subjectOf = (client: string, clients: number): string =>
  clients > 1 ? `backend of client ${client}` : 'backend';

/** `v` with its subject, the fields in the order of the report (docs/formats.md#audit-report). */
const named = (v: Omit<AuditViolation, 'subject'>, subject: string): AuditViolation => {
  const { claim, client, connection, poll, detail, witness } = v;
  return { claim, client, connection, subject, poll, detail, witness };
};

/** Each claim's verdict, its violations in order of their subject's first appearance. */
const verdictsOf = (
  claims: readonly AuditClaim[],
  found: readonly Found[][],
  clients: number,
): ClaimVerdict[] =>
  claims.map((claim, k) => {
    const violations = [...(found[k] ?? [])]
      .sort((x, y) => x.rank - y.rank)
      .map(({ violation: v }) =>
        claim.scope === 'backend' ? named(v, subjectOf(v.client, clients)) : v,
      );
    return {
      name: claim.name,
      statement: claim.statement,
      verdict: violations.length > 0 ? 'violated' : 'holds',
      violations,
    };
  });

/**
 * The claims of each scope with their index (their bit) and their list of violations, each
 * narrowed to its type once, so that a claim is never asked out of its scope.
 */
const byScope = (claims: readonly AuditClaim[], found: readonly Found[][]) => ({
  perRecord: claims.flatMap((claim, k) =>
    claim.scope === 'record' ? [{ k, claim, found: found[k] as Found[] }] : [],
  ),
  perConnection: claims.flatMap((claim, k) =>
    claim.scope === 'connection' ? [{ k, claim, found: found[k] as Found[] }] : [],
  ),
  perBackend: claims.flatMap((claim, k) =>
    claim.scope === 'backend' ? [{ k, claim, found: found[k] as Found[] }] : [],
  ),
});

/**
 * Judges each record on the record claims as it comes in, also after a violation (each one a
 * record shows is reported), marking its connection (of rank `rank`) as breaking the claim.
 */
function recordJudge(
  perRecord: readonly Indexed<RecordClaim>[],
  table: ConnectionTable,
): (rank: number, r: HistoryRecord) => void {
  return (rank, r) => {
    for (const { k, claim, found } of perRecord)
      for (const violation of claim.judge(r)) {
        table.broke(rank, k);
        found.push({ rank, violation });
      }
  };
}

/**
 * Starts an audit against `claims` (all by default).
 *
 * @example
 * const run = startAudit();
 * for (const p of history.polls) run.add(p);
 * run.finish(history.files).claims.map((c) => c.verdict)
 * //=> ['violated', 'violated', 'holds', 'holds', 'violated']
 */
export function startAudit(claims: readonly AuditClaim[] = auditClaims): AuditRun {
  const found: Found[][] = claims.map(() => []);
  const { perRecord, perConnection, perBackend } = byScope(claims, found);
  const table = new ConnectionTable();
  const backends = new Map<string, BackendState>();
  let polls = 0;
  let records = 0;
  const judgeRecord = recordJudge(perRecord, table);

  const judgeConnection = (rank: number, shipped: HistoryRecord[], poll: number) => {
    let view: ConnectionSoFar | null = null;
    for (const { k, claim, found: mine } of perConnection) {
      if (table.breaks(rank, k)) continue;
      const v = claim.judge((view ??= table.view(rank)), shipped, poll);
      if (v === null) continue;
      table.broke(rank, k);
      mine.push({ rank, violation: v });
    }
    if (perConnection.every(({ k }) => table.breaks(rank, k))) table.forget(rank);
  };

  const judgeBackend = (b: BackendState, poll: number) => {
    for (const { k, claim, found: mine } of perBackend) {
      if (b.breaks(k)) continue;
      const v = claim.judge(b, poll);
      if (v === null) continue;
      b.broke(k);
      mine.push({ rank: b.rank, violation: named(v, b.client) });
    }
    if (perBackend.every(({ k }) => b.breaks(k))) b.forget();
  };

  const add = (poll: HistoryPoll): void => {
    polls += 1;
    records += poll.records.length;
    const b = backends.get(poll.client) ?? new BackendState(poll.client, backends.size);
    backends.set(poll.client, b);
    // In the payload's order (the witnesses keep it), grouped by connection to judge each once.
    const shipped = new Map<number, HistoryRecord[]>();
    for (const r of poll.records) {
      const c = table.rankOf(r);
      b.add(table.add(c, r));
      judgeRecord(c, r);
      const mine = shipped.get(c);
      if (mine === undefined) shipped.set(c, [r]);
      else mine.push(r);
    }
    for (const [c, mine] of shipped) judgeConnection(c, mine, poll.poll);
    if (poll.records.length > 0) judgeBackend(b, poll.poll);
  };

  const summaries = (): SummaryList => ({
    count: table.size,
    each: function* () {
      for (let rank = 0; rank < table.size; rank++) yield table.summary(rank, claims);
    },
  });

  const finish = (files: readonly string[], withConnections = true): AuditReport => {
    table.endLookups();
    return {
      files,
      polls,
      records,
      backends: [...backends.values()].map((b): BackendSums => b.sums()),
      claims: verdictsOf(claims, found, backends.size),
      connections: withConnections ? [...summaries().each()] : [],
    };
  };

  return { add, finish, summaries };
}
