import { distinctName } from './distinct-name';
import { parseDiagramFile, type ParseResult } from '../../io/parse-file';
import {
  DIAGRAM_TEXT_KEYWORD,
  isPng,
  readTextChunk,
  type TextChunkResult,
} from '../../io/png-chunks';
import type { Problem } from '../../io/problems';
import { MAX_FILE_BYTES } from '../../model/version';
import type { Editor } from '../react/editor-context';

/**
 * A PNG is mostly pixels, and a picture of a big diagram passes 5 MB long before its diagram
 * does; the diagram inside is still held to the 5 MB of the parse gate.
 */
export const MAX_PNG_BYTES = 32 * 1024 * 1024;

const NOT_A_DIAGRAM =
  'This is not a GTM Blueprint diagram. Open a .json file, or a PNG picture exported from GTM Blueprint.';

const PNG_PROBLEM: Readonly<Record<Exclude<TextChunkResult, { ok: true }>['reason'], string>> = {
  missing:
    'This PNG picture holds no GTM Blueprint diagram. Only pictures made with Export → PNG carry one; open the diagram’s .json file instead.',
  damaged: 'This PNG picture is damaged or incomplete, so the diagram inside it cannot be read.',
  compressed:
    'This PNG picture stores its diagram compressed, which GTM Blueprint does not read. Open the diagram’s .json file instead.',
  'not-png': 'This file is named .png but is not a PNG picture.',
};

/** Signatures of files people pick by mistake: JPEG, GIF, WebP/RIFF, PDF, ZIP (and .xlsx). */
const OTHER_BINARY = [
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
];

function refuse(message: string): ParseResult {
  return { ok: false, problems: [{ path: '(file)', message }] };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 2 : 0);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (OTHER_BINARY.some((magic) => magic.every((value, i) => bytes[i] === value))) return true;
  // Text files (JSON included) never hold NUL; binary formats nearly always do early on.
  return bytes.subarray(0, 1024).includes(0);
}

/**
 * A file's bytes as a diagram: a PNG through its text chunk, anything else as UTF-8 JSON, both
 * through the parse gate. Pure, so a unit test can feed it any bytes.
 */
export function parseImportedBytes(bytes: Uint8Array, name = ''): ParseResult {
  if (isPng(bytes)) {
    const read = readTextChunk(bytes, DIAGRAM_TEXT_KEYWORD);
    return read.ok ? parseDiagramFile(read.text) : refuse(PNG_PROBLEM[read.reason]);
  }
  if (/\.png$/i.test(name)) return refuse(PNG_PROBLEM['not-png']);
  if (looksBinary(bytes)) return refuse(NOT_A_DIAGRAM);
  // The decoder drops a byte-order mark and turns invalid UTF-8 into U+FFFD, never throws.
  return parseDiagramFile(new TextDecoder().decode(bytes));
}

/** The size limit, checked on `size` before a byte of the file is read beyond its signature. */
export function sizeProblem(size: number, png: boolean): Problem | null {
  const limit = png ? MAX_PNG_BYTES : MAX_FILE_BYTES;
  if (size <= limit) return null;
  const what = png ? 'picture' : 'file';
  return {
    path: '(file)',
    message: `The ${what} is ${megabytes(size)} MB, over the ${megabytes(limit)} MB that GTM Blueprint opens.`,
  };
}

async function readImportedFile(file: File): Promise<ParseResult> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const tooBig = sizeProblem(file.size, isPng(head));
  if (tooBig) return { ok: false, problems: [tooBig] };
  return parseImportedBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

export interface ImportOrigin {
  /** The problems dialog's title. */
  readonly title: string;
  /** What was refused, for the dialog: `“acme.json”`. */
  readonly source: string;
  /** Where it came from, for the notice: `from “acme.json”`. */
  readonly from: string;
  /** How a second copy of a diagram already in the library is told apart: `from link`. */
  readonly copyLabel?: string;
}

const NAME_SHOWN = 80;

/**
 * Opens a parse result: a diagram as a new entry in the library (never over the open one, unless
 * that is the untouched blank of a first visit), or the problems in the alert dialog, leaving the
 * open diagram exactly as it was.
 */
export async function openImported(
  editor: Editor,
  result: ParseResult,
  origin: ImportOrigin,
): Promise<boolean> {
  const { store, session } = editor;
  if (!result.ok) {
    store.getState().setTransfer({
      failure: { title: origin.title, source: origin.source, problems: result.problems },
    });
    store.getState().openDialog('import-problems');
    return false;
  }
  // A blank start-up diagram it replaced was never the user's, so there is nothing to point to.
  let kept = '';
  const named = distinctName(
    result.diagram.name,
    session.list().map((d) => d.name),
    origin.copyLabel,
  );
  const diagram =
    named === result.diagram.name ? result.diagram : { ...result.diagram, name: named };
  try {
    if ((await session.importDiagram(diagram)) === 'new')
      kept = ' Your previous diagram is kept under Diagrams.';
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    store.getState().setNotice({
      kind: 'error',
      text: `The diagram ${origin.from} could not be opened (${detail}). Your current diagram has not changed.`,
    });
    return false;
  }
  const full = diagram.name.replace(/\s+/g, ' ').trim() || 'Untitled diagram';
  const name = full.length > NAME_SHOWN ? `${full.slice(0, NAME_SHOWN)}…` : full;
  const migrated =
    result.migratedFrom === undefined
      ? ''
      : ` It was updated from format version ${result.migratedFrom}.`;
  store.getState().setNotice({
    kind: 'info',
    text: `“${name}” opened as a new diagram ${origin.from}.${migrated}${kept}`,
  });
  return true;
}

/** Imports a picked or dropped file (.json, or a PNG this app exported). */
export async function importFile(editor: Editor, file: File): Promise<boolean> {
  const shown = file.name || 'the file';
  let result: ParseResult;
  try {
    result = await readImportedFile(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    result = refuse(`The file could not be read (${detail}).`);
  }
  return openImported(editor, result, {
    title: "This file can't be opened",
    source: `“${shown}”`,
    from: `from “${shown}”`,
  });
}
