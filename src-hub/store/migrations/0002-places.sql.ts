// Migration 0002: projections for the places on the situation map — shelters (避难场所),
// emergency supply depots (应急物资储备库) and sensitive receptors (schools, hospitals, ...).

export const sql = /* sql */ `
CREATE TABLE p_shelters      (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_supply_depots (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_receptors     (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
`;
