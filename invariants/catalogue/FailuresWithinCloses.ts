/**
 * Per connection, the failures a client has shipped never exceed the closes it has shipped: a
 * connection can fail at most once per close (docs/semantics.md#failureswithincloses).
 */
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { firstOf } from '../explain/Run.js';
import { reReport } from '../explain/reReport.js';
import { lingering } from '../explain/lingering.js';

export const FailuresWithinCloses = {
  name: 'FailuresWithinCloses',
  statement: 'per connection, shipped failures ≤ shipped closes',
  when: 'everyStep',
  check: (state) =>
    firstFailure(
      state.backends.flatMap((backend, client) =>
        Object.entries(backend.connections).map(([cookie, t]) =>
          t.failures <= t.closes
            ? HOLDS
            : fails(
                `connection ${cookie}`,
                `${t.failures} failures shipped, ${t.closes} close${t.closes === 1 ? '' : 's'}${state.config.clients > 1 ? ` (client ${client + 1})` : ''}`,
              ),
        ),
      ),
    ),
  scope: 'perFlow',
  explain: firstOf(reReport, lingering),
  witness: { driver: 'original', agent: 'prefix', trace: 'e1 ce1 r1 fd1*4 cx1 p t1 p' },
} satisfies Invariant;

export default FailuresWithinCloses;
