import { z } from 'zod';
import { SYNC_PAGE_DEFAULT, SYNC_PAGE_MAX } from './limits';
import { EventSchema } from './events';
import type { Result } from './ack';
import type { ReplicaRows } from '../projection/tables';

export const SyncRequestSchema = z.strictObject({
  sinceSeq: z.int().min(0),
  limit: z.int().min(1).max(SYNC_PAGE_MAX).default(SYNC_PAGE_DEFAULT),
});
export type SyncRequest = z.input<typeof SyncRequestSchema>;

export const SyncResponseSchema = z.strictObject({
  events: z.array(EventSchema),
  /** the newest seq in the log when this page was read */
  headSeq: z.int().min(0),
  /** true when more events follow the last one in this page */
  more: z.boolean(),
  /**
   * The last seq this page covers, events this user may not see included: the client advances
   * its lastSeq to it, so a page whose events were all filtered out still makes progress.
   */
  toSeq: z.int().min(0),
});
export type SyncResponse = z.infer<typeof SyncResponseSchema>;

export const SnapshotRequestSchema = z.strictObject({});

/** Every replicated table at one seq: a fresh client loads this, then syncs from `seq`. */
export type SnapshotResponse = { seq: number; tables: ReplicaRows };

export type SyncAck = Result<SyncResponse>;
export type SnapshotAck = Result<SnapshotResponse>;
