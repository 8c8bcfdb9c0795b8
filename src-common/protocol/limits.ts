/** Wire limits shared by hub and clients, so a client can refuse early with the same numbers. */

/** Largest command (JSON, UTF-8 bytes) the hub accepts. */
export const MAX_COMMAND_BYTES = 256 * 1024;
/** Transport cap set on socket.io, above MAX_COMMAND_BYTES so an oversize command gets an answer instead of a dropped connection. */
export const MAX_TRANSPORT_BYTES = 4 * 1024 * 1024;
/** Deepest JSON nesting accepted in a command. */
export const MAX_JSON_DEPTH = 32;
/** Events per `sync` page. */
export const SYNC_PAGE_DEFAULT = 500;
export const SYNC_PAGE_MAX = 2000;
