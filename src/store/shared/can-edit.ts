import type { RoomState } from './room-state';

/**
 * Whether this tab may change the diagram: always, except in a room opened with a view link.
 * Every editing control reads this one selector, so the inspector, palette, commands and the
 * card's title editor can never disagree about what a viewer is offered.
 */
export const canEdit = (state: RoomState): boolean => state.room?.role !== 'view';
