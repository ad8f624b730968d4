import type { AuditContext } from './context';

/** A card with no edge at all, of any kind, in either direction. */
export function isUnconnected(context: AuditContext, id: string): boolean {
  const { outgoing, incoming } = context.graph;
  return (outgoing.get(id)?.length ?? 0) === 0 && (incoming.get(id)?.length ?? 0) === 0;
}
