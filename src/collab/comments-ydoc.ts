import * as Y from 'yjs';
import type { CommentThread } from '../model/schema';
import { defineKey, isPlainObject, jsonEqual, toPlainJson } from './json';

/** A thread's nested Y.Map of messages; its other fields are plain values (see layout.ts). */
const THREAD_MESSAGES_KEY = 'messages';

/**
 * Writes the threads into the comments map, touching only what differs: a new thread adds one
 * entry, a reply adds one message entry, a resolve sets one key. Two people adding threads, or
 * replying to one thread, or one resolving while the other replies, therefore both keep theirs.
 */
export function writeComments(map: Y.Map<unknown>, threads: readonly CommentThread[]): void {
  const wanted = new Set(threads.map((thread) => thread.id));
  for (const id of [...map.keys()]) if (!wanted.has(id)) map.delete(id);
  for (const thread of threads) {
    let entry = map.get(thread.id);
    if (!(entry instanceof Y.Map)) {
      entry = new Y.Map<unknown>();
      map.set(thread.id, entry);
    }
    writeThread(entry as Y.Map<unknown>, thread);
  }
}

function writeThread(entry: Y.Map<unknown>, thread: CommentThread): void {
  const { id: _id, messages, ...fields } = thread as CommentThread & Record<string, unknown>;
  for (const key of [...entry.keys()]) {
    if (key !== THREAD_MESSAGES_KEY && fields[key] === undefined) entry.delete(key);
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const stored = toPlainJson(value);
    if (!jsonEqual(entry.get(key), stored)) entry.set(key, stored);
  }
  let inner = entry.get(THREAD_MESSAGES_KEY);
  if (!(inner instanceof Y.Map)) {
    inner = new Y.Map<unknown>();
    entry.set(THREAD_MESSAGES_KEY, inner);
  }
  const box = inner as Y.Map<unknown>;
  const wanted = new Set(messages.map((message) => message.id));
  for (const id of [...box.keys()]) if (!wanted.has(id)) box.delete(id);
  for (const { id, ...message } of messages) {
    const stored = toPlainJson(message);
    if (!jsonEqual(box.get(id), stored)) box.set(id, stored);
  }
}

/** Where the comments map breaks the layout (a path for the refusal message). */
export class CommentsLayoutError extends Error {
  constructor(readonly path: string) {
    super(`${path}: not in the shared layout`);
  }
}

/**
 * The threads as plain values, unvalidated (the file gate checks them). Map order differs
 * between peers, so threads come out by their first message's time then id, and messages by
 * time then id: every peer reads the same list.
 */
export function readComments(map: Y.Map<unknown>, name: string): Record<string, unknown>[] {
  const threads: Record<string, unknown>[] = [];
  for (const [id, entry] of map.entries()) threads.push(readThread(entry, `${name}.${id}`, id));
  return threads.sort((a, b) => compareByTime(firstMessage(a), firstMessage(b), a.id, b.id));
}

/** One thread as plain values, its id from its key; throws a CommentsLayoutError. */
export function readThread(entry: unknown, path: string, id: string): Record<string, unknown> {
  if (!(entry instanceof Y.Map)) throw new CommentsLayoutError(path);
  const thread: Record<string, unknown> = {};
  defineKey(thread, 'id', id);
  for (const [key, value] of (entry as Y.Map<unknown>).entries()) {
    const inner = `${path}.${key}`;
    if (key === THREAD_MESSAGES_KEY) {
      if (!(value instanceof Y.Map)) throw new CommentsLayoutError(inner);
      defineKey(thread, key, readMessages(value, inner));
    } else {
      // Any other key comes out as it is, so the strict gate refuses a field it does not know.
      if (key === 'id' || isShared(value)) throw new CommentsLayoutError(inner);
      defineKey(thread, key, value);
    }
  }
  return thread;
}

function isShared(value: unknown): boolean {
  return value instanceof Y.AbstractType || value instanceof Uint8Array || value instanceof Y.Doc;
}

function readMessages(map: Y.Map<unknown>, path: string): Record<string, unknown>[] {
  const messages: Record<string, unknown>[] = [];
  for (const [id, value] of map.entries()) {
    const inner = `${path}.${id}`;
    if (!isPlainObject(value) || Object.hasOwn(value, 'id')) throw new CommentsLayoutError(inner);
    const message: Record<string, unknown> = {};
    defineKey(message, 'id', id);
    for (const [key, field] of Object.entries(value)) defineKey(message, key, field);
    messages.push(message);
  }
  return messages.sort((a, b) => compareByTime(a, b, a.id, b.id));
}

function firstMessage(thread: Record<string, unknown>): unknown {
  const messages = thread[THREAD_MESSAGES_KEY];
  return Array.isArray(messages) ? messages[0] : undefined;
}

/** By `createdAt` as a moment (offsets differ between people), then by id; never by map order. */
function compareByTime(a: unknown, b: unknown, aId: unknown, bId: unknown): number {
  const at = timeOf(a);
  const bt = timeOf(b);
  if (at !== bt) return at < bt ? -1 : 1;
  const x = String(aId);
  const y = String(bId);
  return x < y ? -1 : x > y ? 1 : 0;
}

function timeOf(message: unknown): number {
  if (!isPlainObject(message)) return Number.NEGATIVE_INFINITY;
  const time = Date.parse(String(message.createdAt));
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}
