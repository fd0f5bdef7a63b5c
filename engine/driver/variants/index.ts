/**
 * The driver-fix registry: every file in this folder is a variant
 * (docs/semantics.md#driver-fix-variants). Drop a new file here and every command, the matrix and
 * the tests pick it up.
 */
import type { DriverVariant } from '../DriverVariant.js';
import { registry } from '../../../lib/loadVariants.js';

/** The documented order, used for listings; variants not named here follow alphabetically. */
const LISTING_ORDER = ['original', 'cas-retry', 'deferred-move', 'deferred-move-racy', 'flow-lock'];

const isDriverVariant = (v: unknown): v is DriverVariant =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DriverVariant).name === 'string' &&
  typeof (v as DriverVariant).flowDeleteNotify === 'object' &&
  typeof (v as DriverVariant).calloutExit === 'object';

const variants = await registry(import.meta.url, LISTING_ORDER, isDriverVariant);

/** Every driver variant, in listing order. */
export const driverVariants: readonly DriverVariant[] = variants.all;

/** The names of {@link driverVariants}. */
export const driverNames: readonly string[] = variants.names;

/** The variant called `name`, if there is one. */
export const findDriver = variants.find;
