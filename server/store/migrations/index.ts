import { sql as initial } from './0001-initial';

/** A schema change, applied once, in version order. */
export interface Migration { version: number; name: string; sql: string }

/**
 * Every migration, in order. Add a new file `NNNN-name.ts` and one line here; never edit one that
 * has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
];
