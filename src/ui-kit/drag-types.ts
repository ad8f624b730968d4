/** The data type a palette item carries while dragged onto the canvas (a custom MIME type). */
export const PALETTE_DRAG_TYPE = 'application/x-gtm-kind';
