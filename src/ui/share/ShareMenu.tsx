import { Suspense, useState } from 'react';
import { useRoom, useRooms } from '../../store/react/use-room';
import { preloadable } from '../../ui-kit/preloadable';
import { Menu, type MenuItem } from '../Menu';

// Only someone who shares or joins a room sees these; they load as the invite starts (in
// parallel with the server's answer) or as the room asks for a name.
const NameDialog = preloadable(() => import('./NameDialog').then((m) => m.NameDialog));
const RoomLinksDialog = preloadable(() =>
  import('./RoomLinksDialog').then((m) => m.RoomLinksDialog),
);

/**
 * Share: turn the open diagram into a room and invite people to edit or view it. The first
 * invite uploads the diagram to the co-editing server once; from then on this tab shows the
 * room's copy (one copy for everyone, whoever joins with what).
 */
export function ShareMenu() {
  const rooms = useRooms();
  const room = useRoom((s) => s.room);
  const askName = useRoom((s) => s.askName);
  const linksOpen = useRoom((s) => s.linksOpen);
  const [busy, setBusy] = useState(false);
  if (!rooms) return null;

  const share = () => {
    RoomLinksDialog.preload();
    setBusy(true);
    void rooms.share().finally(() => setBusy(false));
  };
  const canInvite = room === null || room.role === 'edit';
  const items: MenuItem[] = [
    {
      label: 'Invite to edit',
      description: room ? 'Links of this room' : 'Shares this diagram as a room on the server',
      disabled: busy || !canInvite,
      onSelect: share,
    },
    {
      label: 'Invite to view',
      description: 'A link that shows the room and changes nothing',
      disabled: busy || !canInvite,
      onSelect: share,
    },
  ];
  if (room) {
    if (room.role === 'edit')
      items.push({
        label: 'Stop sharing / new links',
        description: 'Disconnects everyone on the old links',
        disabled: busy,
        onSelect: () => {
          setBusy(true);
          void rooms.renewLinks().finally(() => setBusy(false));
        },
      });
    items.push({ label: 'Leave the room', onSelect: () => rooms.leave() });
  }
  return (
    <>
      <Menu label="Share" items={items} />
      <Suspense fallback={null}>
        {askName && <NameDialog.Component onSubmit={(name) => rooms.provideName(name)} />}
        {linksOpen && <RoomLinksDialog.Component onRenew={() => void rooms.renewLinks()} />}
      </Suspense>
    </>
  );
}
