/**
 * A setup file of vitest.mutation.config.ts: a failing property ends at its first counterexample
 * instead of shrinking it. A mutant is killed by the failure, whatever the counterexample's size,
 * and shrinking took most of a killed mutant's run in engine/ and the invariants (each property
 * test shrinks for seconds). Passing properties run as they do in `npm test`.
 */
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
