import { ulid } from 'ulid';
import { projectEvent } from '@common/projection/project';
import type { RowLookup } from '@common/projection/project';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import type { HubEvent } from '@common/protocol/events';
import type { LinkageAction, LinkageOrderDraft } from '@common/schemas/linkage-action';
import { hashPassword } from '../../src-hub/auth/passwords';
import type { HubStore } from '../../src-hub/store/types';

const FAST_SCRYPT = { N: 1024, r: 8, p: 1, keylen: 32 };

/** A liaison account for a department, written straight into the store (as an admin tool would). */
export async function createLiaison(store: HubStore, departmentId: string, password = 'liaison123'): Promise<string> {
  const username = `liaison-${departmentId}`;
  store.putUser({
    id: `u-${username}`,
    username,
    displayName: `${departmentId} 联络员`,
    role: 'liaison',
    departmentId,
    password: await hashPassword(password, FAST_SCRYPT),
    disabled: false,
  });
  return username;
}

export function draft(departmentId: string, overrides: Partial<LinkageOrderDraft> = {}): LinkageOrderDraft {
  return { orderId: ulid(), departmentId, task: `测试指令：${departmentId} 到场处置`, signMinutes: 15, ...overrides };
}

/** A client-side replica of the linkage board: snapshot rows, then events through projectEvent. */
export function boardReplica(initial: ReadonlyArray<LinkageAction> = []) {
  const rows = new Map<string, unknown>();
  for (const o of initial) rows.set(`linkageActions/${o.id}`, o);
  let lastSeq = 0;
  const lookup: RowLookup = <T extends ReplicaTable>(table: T, id: string) =>
    rows.get(`${table}/${id}`) as ReplicaRowTypes[T] | undefined;
  return {
    apply(events: ReadonlyArray<HubEvent>) {
      for (const e of events) {
        if (e.seq <= lastSeq) continue;
        lastSeq = e.seq;
        for (const c of projectEvent(e, lookup)) {
          if (c.value === null) rows.delete(`${c.table}/${c.id}`);
          else rows.set(`${c.table}/${c.id}`, c.value);
        }
      }
    },
    orders(): Array<LinkageAction> {
      return [...rows.entries()].filter(([k]) => k.startsWith('linkageActions/')).map(([, v]) => v as LinkageAction);
    },
    order: (id: string) => rows.get(`linkageActions/${id}`) as LinkageAction | undefined,
  };
}

/** Polls until `check` holds (a live event may still be on the wire), or throws after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const orderIdOf = (e: HubEvent): string | undefined =>
  e.type.startsWith('linkage.') ? (e.payload as { orderId: string }).orderId : undefined;
