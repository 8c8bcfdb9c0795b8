import { sql as init } from './0001-init.sql';
import { sql as places } from './0002-places.sql';
import { sql as linkage } from './0003-linkage.sql';
import { sql as duty } from './0004-duty.sql';

/** Numbered migrations, applied in order, each once, each recorded in `schema_migrations`. */
export type Migration = { id: number; name: string; sql: string };

export const MIGRATIONS: ReadonlyArray<Migration> = [
  { id: 1, name: '0001-init', sql: init },
  { id: 2, name: '0002-places', sql: places },
  { id: 3, name: '0003-linkage', sql: linkage },
  { id: 4, name: '0004-duty', sql: duty },
];
