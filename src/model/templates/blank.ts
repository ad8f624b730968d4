import { createDiagram, type Diagram } from './build';

export function createBlank(): Diagram {
  return createDiagram('Untitled diagram');
}
