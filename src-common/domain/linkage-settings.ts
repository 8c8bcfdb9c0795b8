/**
 * Escalation of unsigned linkage orders (data, not code): an order not signed by its deadline
 * turns overdue (level 1), and escalates once more every `escalateEveryMinutes` after that,
 * up to `maxOverdueLevel`. A county may change these in the hub's config.
 */
export const LINKAGE_SETTINGS = {
  escalateEveryMinutes: 10,
  maxOverdueLevel: 2,
  /** the default sign-off time for an ad hoc order */
  defaultSignMinutes: 15,
} as const;
export type LinkageSettings = { escalateEveryMinutes: number; maxOverdueLevel: number; defaultSignMinutes: number };
