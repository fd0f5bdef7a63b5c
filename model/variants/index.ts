/**
 * The model's driver-design registry: every file in this folder is a design
 * (docs/semantics.md#driver-fix-variants). A new design is a new file here and nothing else; a test
 * fails when this registry and the engine's name different designs.
 */
import { registry } from '../../lib/loadVariants.js';
import type { DriverModel } from '../driverModel.js';

const LISTING_ORDER = ['original', 'cas-retry', 'deferred-move', 'deferred-move-racy', 'flow-lock'];

const isDriverModel = (v: unknown): v is DriverModel =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as DriverModel).name === 'string' &&
  typeof (v as DriverModel).guards === 'object' &&
  typeof (v as DriverModel).actions === 'object';

const variants = await registry(import.meta.url, LISTING_ORDER, isDriverModel);

/** Every driver design the model knows, in listing order. */
export const driverModels: readonly DriverModel[] = variants.all;

/** The names of {@link driverModels}. */
export const driverModelNames: readonly string[] = variants.names;

/** The variant called `name`, if there is one. */
export const findDriverModel = variants.find;
