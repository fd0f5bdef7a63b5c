/**
 * Per connection, the failures a client has shipped never exceed the closes it has shipped: a
 * connection can fail at most once per close (datadog-semantics.md §8.3 I1).
 */
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

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
} satisfies Invariant;

export default FailuresWithinCloses;
