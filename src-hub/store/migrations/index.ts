import { sql as init } from './0001-init.sql';

/** Numbered migrations, applied in order, each once, each recorded in `schema_migrations`. */
export type Migration = { id: number; name: string; sql: string };

export const MIGRATIONS: ReadonlyArray<Migration> = [{ id: 1, name: '0001-init', sql: init }];
