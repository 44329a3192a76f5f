import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { newId } from './ids.ts';
import { fail, ok, type Result } from './result.ts';

/** The file types Relais accepts as evidence or attachments, recognised by their first bytes, never by their name. */
export const acceptedFileTypes = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'image/jpeg': { extension: 'jpg', label: 'JPEG' },
  'image/png': { extension: 'png', label: 'PNG' },
} as const;
export type AcceptedFileType = keyof typeof acceptedFileTypes;

/** 5 MB: enough for a scanned certificate or a photo, small enough for a weak connection in the islands. */
export const maxFileBytes = 5 * 1024 * 1024;

/** The folder under DATA_DIR where uploaded files live. */
export const filesFolder = 'fichiers';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * The real type of a file, read from its content (magic numbers): a `.pdf` that is really an executable is refused.
 * @example sniffFileType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])) // 'application/pdf'
 */
export function sniffFileType(bytes: Uint8Array): AcceptedFileType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export type UploadError = 'empty' | 'too_large' | 'type_not_allowed';

/** French messages for the upload errors, naming the limits. */
export const uploadErrorMessages = {
  empty: 'Le fichier choisi est vide. Choisissez un autre fichier.',
  too_large: 'Le fichier choisi dépasse 5 Mo. Choisissez un fichier plus petit, ou réduisez sa taille.',
  type_not_allowed: 'Le fichier choisi n’est ni un PDF, ni une image JPEG, ni une image PNG. Choisissez un fichier de l’un de ces types.',
} as const satisfies Record<UploadError, string>;

export type CheckedUpload = { bytes: Uint8Array; mimeType: AcceptedFileType; extension: string; size: number; originalName: string };

/**
 * Checks an uploaded file: not empty, at most 5 MB, and really a PDF, JPEG or PNG by its content.
 * @example const checked = checkUpload('attestation.pdf', bytes); if (!checked.ok) return uploadErrorMessages[checked.error];
 */
export function checkUpload(originalName: string, bytes: Uint8Array): Result<CheckedUpload, UploadError> {
  if (bytes.byteLength === 0) return fail('empty');
  if (bytes.byteLength > maxFileBytes) return fail('too_large');
  const mimeType = sniffFileType(bytes);
  if (!mimeType) return fail('type_not_allowed');
  return ok({ bytes, mimeType, extension: acceptedFileTypes[mimeType].extension, size: bytes.byteLength, originalName: cleanFileName(originalName, acceptedFileTypes[mimeType].extension) });
}

/** A name safe to show and to send back in Content-Disposition: no path, no control characters, bounded length. */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return base === '' ? `document.${extension}` : base;
}

/** Where a stored key lives on disk; refuses keys that would leave the files folder. */
function pathOf(dataDir: string, key: string): string {
  const root = resolve(dataDir, filesFolder);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep)) throw new Error(`file key outside the files folder: ${key}`);
  return path;
}

/**
 * Writes a checked file under DATA_DIR/fichiers/<area>/ with a new uuid as its name, and returns its key.
 * Written to a temporary name then renamed, so that a crash never leaves half a file under the final name.
 * @example const key = await storeFile(config.dataDir, 'label', checked) // 'label/0190….pdf'
 */
export async function storeFile(dataDir: string, area: string, file: Pick<CheckedUpload, 'bytes' | 'extension'>): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(area)) throw new Error(`bad file area ${area}`);
  const key = `${area}/${newId()}.${file.extension}`;
  const path = pathOf(dataDir, key);
  await mkdir(join(resolve(dataDir, filesFolder), area), { recursive: true });
  const temporary = `${path}.part`;
  await writeFile(temporary, file.bytes);
  await rename(temporary, path);
  return key;
}

/** The content of a stored file, or null when it is missing. */
export async function readStoredFile(dataDir: string, key: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(pathOf(dataDir, key)));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Removes a stored file; a file already gone is not an error. */
export async function deleteStoredFile(dataDir: string, key: string): Promise<void> {
  await rm(pathOf(dataDir, key), { force: true });
}

/** "1,2 Mo", "340 ko": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} ko`;
}
