/**
 * IPC channel names (`domain:resource:verb`). NOTE: a module of its own with no imports, because
 * the sandboxed preload bundles it: a sandboxed preload can `require` only `electron`, so
 * anything it pulls in at runtime (such as zod, via bridge.ts) would make it fail to load.
 */
export const IPC_CHANNELS = {
  settingsGet: 'settings:all:get',
  settingsSet: 'settings:all:set',
  notificationShow: 'notification:native:show',
  hubConnectionGet: 'hub:connection:get',
  documentSave: 'document:file:save',
} as const;
