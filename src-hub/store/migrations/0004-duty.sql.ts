// Migration 0004: the projection of the duty log (值班日志) — the officers' entries and the shift
// handovers with their acknowledgements.

export const sql = /* sql */ `
CREATE TABLE p_duty_log (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
`;
