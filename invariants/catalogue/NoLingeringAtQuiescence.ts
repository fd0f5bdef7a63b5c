/**
 * Once every callout has exited and every notification has run, `openFlows` holds no ended flow:
 * the driver moved each one (docs/semantics.md#nolingeringatquiescence).
 */
import { isEnded } from '../../engine/driver/flow.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';
import { lingering } from '../explain/lingering.js';

export const NoLingeringAtQuiescence = {
  name: 'NoLingeringAtQuiescence',
  statement: 'at quiescence openFlows holds no ended flow',
  when: 'quiescence',
  check: ({ driver }) =>
    firstFailure(
      driver.openFlows.map((id) => {
        const flow = driver.flows[id];
        return flow === undefined || !isEnded(flow)
          ? HOLDS
          : fails(
              `flow ${id}`,
              `ended (${flow.status}) but still in openFlows with refCount ${flow.refCount}`,
            );
      }),
    ),
  scope: 'perFlow',
  explain: lingering,
  witness: {
    driver: 'deferred-move-racy',
    agent: 'postfix',
    trace: 'e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement',
    fixed: {
      driver: 'deferred-move-racy',
      agent: 'postfix',
      trace: 'e1 ce1 r1 fd1*4 cx1.readPending cx1.decrement cx1.move',
    },
  },
} satisfies Invariant;

export default NoLingeringAtQuiescence;
