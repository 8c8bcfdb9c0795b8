import type { User } from '@common/schemas/user';
import { LinkageWatch } from './linkage-watch';
import { OrderSetEditor } from './order-set-editor';

/** The linkage pieces that live for the whole session: the order-set editor and the watcher. */
export function LinkageLayer({ user }: { user: User }) {
  return (
    <>
      <OrderSetEditor />
      <LinkageWatch user={user} />
    </>
  );
}
