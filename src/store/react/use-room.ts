import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Rooms } from '../shared/rooms';
import { canEdit } from '../shared/can-edit';
import { roomState, type RoomState } from '../shared/room-state';

/** The rooms controller of this tab (store/shared/rooms.ts); null in tests that need none. */
export const RoomsContext = createContext<Rooms | null>(null);

export function useRooms(): Rooms | null {
  return useContext(RoomsContext);
}

/** Reads the co-editing state through a narrow selector (presence changes at pointer speed). */
export function useRoom<T>(selector: (state: RoomState) => T): T {
  return useStore(roomState, selector);
}

/** False in a room opened with a view link: editing controls are shown read-only then. */
export function useCanEdit(): boolean {
  return useStore(roomState, canEdit);
}
