import { Dexie } from 'dexie';
import type { Table } from 'dexie';

/**
 * The chosen PMTiles file, kept in its own small IndexedDB database so it is there after a restart
 * (a file picked in the browser cannot be re-opened by path). Not part of the replica.
 */
type Row = { key: 'basemap'; name: string; file: Blob };

class BasemapFileDb extends Dexie {
  declare files: Table<Row, 'basemap'>;
  constructor() {
    super('watchfloor-basemap-files');
    this.version(1).stores({ files: 'key' });
  }
}

let db: BasemapFileDb | null = null;
const open = () => (db ??= new BasemapFileDb());

export async function savePmtilesFile(file: File): Promise<void> {
  await open().files.put({ key: 'basemap', name: file.name, file });
}

export async function loadPmtilesFile(): Promise<File | null> {
  const row = await open().files.get('basemap');
  if (!row) return null;
  return row.file instanceof File ? row.file : new File([row.file], row.name);
}
