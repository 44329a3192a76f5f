import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkUpload, cleanFileName, deleteStoredFile, maxFileBytes, readStoredFile, sniffFileType, storeFile, uploadErrorMessages } from './files.ts';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

describe('uploaded files', () => {
  it('recognises PDF, JPEG and PNG by their content', () => {
    assert.equal(sniffFileType(pdf), 'application/pdf');
    assert.equal(sniffFileType(jpeg), 'image/jpeg');
    assert.equal(sniffFileType(png), 'image/png');
  });

  it('refuses a file named .pdf whose content is something else', () => {
    const fake = new TextEncoder().encode('MZ\x90\x00 this is a Windows program');
    const checked = checkUpload('attestation.pdf', fake);
    assert.deepEqual(checked, { ok: false, error: 'type_not_allowed' });
    assert.match(uploadErrorMessages.type_not_allowed, /ni un PDF/);
  });

  it('refuses an HTML page renamed as an image', () => {
    assert.deepEqual(checkUpload('photo.png', new TextEncoder().encode('<html><script>alert(1)</script></html>')), { ok: false, error: 'type_not_allowed' });
  });

  it('accepts a file of exactly 5 MB and refuses one byte more', () => {
    const exactly = new Uint8Array(maxFileBytes);
    exactly.set(pdf);
    assert.equal(checkUpload('gros.pdf', exactly).ok, true);
    const tooBig = new Uint8Array(maxFileBytes + 1);
    tooBig.set(pdf);
    assert.deepEqual(checkUpload('trop-gros.pdf', tooBig), { ok: false, error: 'too_large' });
  });

  it('refuses an empty file', () => {
    assert.deepEqual(checkUpload('vide.pdf', new Uint8Array()), { ok: false, error: 'empty' });
  });

  it('keeps only the last part of a name and strips control characters', () => {
    assert.equal(cleanFileName('C:\\Users\\lea\\"planning"\u0007.pdf', 'pdf'), 'planning.pdf');
    assert.equal(cleanFileName('', 'png'), 'document.png');
  });

  it('stores a file under DATA_DIR/fichiers, reads it back and deletes it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'relais-files-'));
    try {
      const key = await storeFile(dataDir, 'label', { bytes: png, extension: 'png' });
      assert.match(key, /^label\/[0-9a-f-]{36}\.png$/);
      assert.deepEqual(await readStoredFile(dataDir, key), png);
      await deleteStoredFile(dataDir, key);
      assert.equal(await readStoredFile(dataDir, key), null);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a key that would leave the files folder', async () => {
    await assert.rejects(readStoredFile('/tmp/relais', '../../etc/passwd'), /outside the files folder/);
  });
});
