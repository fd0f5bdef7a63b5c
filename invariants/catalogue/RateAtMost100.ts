/**
 * The backend's failure rate stays at or below 100%: total shipped failures ≤ total shipped
 * closes (the incident: the rate climbed past 100%).
 */
import { rate } from '../../engine/backend/backend.js';
import { formatRate } from '../../engine/backend/formatRate.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { firstOf } from '../explain/Run.js';
import { reReport } from '../explain/reReport.js';
import { lingering } from '../explain/lingering.js';

export const RateAtMost100 = {
  name: 'RateAtMost100',
  statement: 'backend total failures ≤ total closes (rate ≤ 100%)',
  when: 'everyStep',
  check: (state) =>
    firstFailure(
      state.backends.map((b, client) =>
        b.failures <= b.closes
          ? HOLDS
          : fails(
              state.config.clients > 1 ? `backend of client ${client + 1}` : 'backend',
              `${b.failures} failures over ${b.closes} closes: rate ${formatRate(rate(b), '∞')}`,
            ),
      ),
    ),
  // Σ failures ≤ Σ closes over connections, i.e. Σ (failures − closes) ≤ 0: each connection's
  // difference is all the sum needs; no shared counter is read.
  scope: {
    connection: (shipped) => (shipped?.failures ?? 0) - (shipped?.closes ?? 0),
    shared: () => null,
  },
  explain: firstOf(reReport, lingering),
  witness: { driver: 'original', agent: 'prefix', trace: 'e1 ce1 r1 fd1*4 cx1 p t1 p' },
} satisfies Invariant;

export default RateAtMost100;
