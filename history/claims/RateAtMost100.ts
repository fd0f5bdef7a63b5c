/**
 * The backend's failure rate stays at or below 100%: per client backend, total shipped failures ≤
 * total shipped closes (`RateAtMost100` of docs/semantics.md#rateatmost100, judged on payloads).
 */
import { formatRate } from '../../engine/backend/formatRate.js';
import type { BackendClaim } from './AuditClaim.js';
import { plural } from './AuditClaim.js';
import { sumWitness } from '../witness.js';
import { RateAtMost100 as invariant } from '../../invariants/catalogue/RateAtMost100.js';

const percent = (failures: number, closes: number): string =>
  formatRate(closes === 0 ? null : failures / closes, '∞');

export const RateAtMost100 = {
  scope: 'backend',
  name: invariant.name,
  statement: invariant.statement,
  judge: (b, poll) => {
    if (b.failures <= b.closes) return null;
    const witness = sumWitness(b.kept);
    if (witness === null) return null;
    return {
      claim: invariant.name,
      client: b.client,
      connection: null,
      poll,
      detail: `${plural(b.failures, 'failure')} over ${plural(b.closes, 'close')} by poll ${poll}: rate ${percent(b.failures, b.closes)}`,
      witness,
    };
  },
} satisfies BackendClaim;
