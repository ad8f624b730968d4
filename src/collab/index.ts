/** The shared-document code of rooms: browser and Node, Yjs only. Layout: see layout.ts. */
export * from './layout';
export * from './protocol';
export { applyDiagramToYDoc, diagramToYDoc, seedYDoc } from './to-ydoc';
export { parseYDoc, yDocToDiagram } from './from-ydoc';
export {
  createRoom,
  fetchRoomDiagram,
  renewRoomLinks,
  type RoomApiOptions,
  type RoomApiResult,
  type RoomLinks,
} from './room-api';
