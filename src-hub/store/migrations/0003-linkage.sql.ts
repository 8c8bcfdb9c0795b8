// Migration 0003: the projection of linkage orders (联动指令). The hub's overdue timers are
// rebuilt from this table at start-up (unsigned orders and their deadlines), so they survive
// a restart without any timer state of their own.

export const sql = /* sql */ `
CREATE TABLE p_linkage_actions (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
`;
