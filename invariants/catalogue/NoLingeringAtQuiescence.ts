/**
 * Once every callout has exited and every notification has run, `openFlows` holds no ended flow:
 * the driver moved each one (datadog-semantics.md §8.3 I5, "no stranding").
 */
import { isEnded } from '../../engine/driver/flow.js';
import { firstFailure, fails, HOLDS, type Invariant } from '../Invariant.js';

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
} satisfies Invariant;

export default NoLingeringAtQuiescence;
