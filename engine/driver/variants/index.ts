/**
 * The driver-fix registry: every file in this folder is a variant (SPEC 2.2). Drop a new file
 * here and every command, the matrix and the tests pick it up.
 */
import type { DriverVariant } from '../DriverVariant.js';
import { registry } from '../../../lib/loadVariants.js';

/** SPEC 2.2's order, used for listings; variants not named here follow alphabetically. */
const SPEC_ORDER = ['original', 'cas-retry', 'deferred-move', 'deferred-move-racy', 'flow-lock'];

const isDriverVariant = (v: unknown): v is DriverVariant =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DriverVariant).name === 'string' &&
  typeof (v as DriverVariant).flowDeleteNotify === 'object' &&
  typeof (v as DriverVariant).calloutExit === 'object';

const variants = await registry(import.meta.url, SPEC_ORDER, isDriverVariant);

/** Every driver variant, in SPEC order. */
export const driverVariants: readonly DriverVariant[] = variants.all;

/** The names of {@link driverVariants}. */
export const driverNames: readonly string[] = variants.names;

/** The variant called `name`, if there is one. */
export const findDriver = variants.find;
