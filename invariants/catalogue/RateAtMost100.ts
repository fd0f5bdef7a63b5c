/**
 * The backend's failure rate stays at or below 100%: total shipped failures ≤ total shipped
 * closes (the incident: the rate climbed past 100%).
 */
import { rate } from '../../engine/backend/backend.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

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
              `${b.failures} failures over ${b.closes} closes: rate ${b.closes === 0 ? '∞' : `${Math.round((rate(b) ?? 0) * 100)}%`}`,
            ),
      ),
    ),
} satisfies Invariant;

export default RateAtMost100;
