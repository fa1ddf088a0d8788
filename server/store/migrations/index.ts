import { sql as initial } from './0001-initial';
import { sql as engine } from './0002-engine';
import { sql as audience } from './0003-audience';
import { sql as graph } from './0004-graph';
import { sql as templatesAndFiles } from './0005-templates-and-files';
import { sql as outsideSends } from './0006-outside-sends';
import { sql as schedulePause } from './0007-schedule-pause';
import { sql as fileRetention } from './0008-file-retention';
import { sql as downloadTickets } from './0009-download-tickets';

/** A schema change, applied once, in version order. */
export interface Migration { version: number; name: string; sql: string }

/**
 * Every migration, in order. Add a new file `NNNN-name.ts` and one line here; never edit one that
 * has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'engine', sql: engine },
  { version: 3, name: 'audience', sql: audience },
  { version: 4, name: 'graph', sql: graph },
  { version: 5, name: 'templates-and-files', sql: templatesAndFiles },
  { version: 6, name: 'outside-sends', sql: outsideSends },
  { version: 7, name: 'schedule-pause', sql: schedulePause },
  { version: 8, name: 'file-retention', sql: fileRetention },
  { version: 9, name: 'download-tickets', sql: downloadTickets },
];
