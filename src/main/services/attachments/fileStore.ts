import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The folder of digitised files beside the store (`<data dir>/files`). */
export const FILES_DIR = 'files';

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** files/ab/abcdef…: the first two hex digits as a folder, so no folder holds more than a few thousand files. */
export function blobPath(root: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(root, sha256.slice(0, 2), sha256);
}

function fsyncDir(dir: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Content-addressed files: the name is the SHA-256 of the bytes, so the same scan stored twice is
 * one file and a file's name proves its content. `put` writes a temporary file, fsyncs it, renames
 * it into place and fsyncs the folder: only then may the store's transaction reference it, so a
 * power cut leaves either no reference or a whole file (a stray file without a reference is harmless).
 */
export function createFileStore(root: string) {
  return {
    root,
    put(bytes: Uint8Array): { sha256: string; size: number } {
      const sha256 = sha256Of(bytes);
      const final = blobPath(root, sha256);
      if (fs.existsSync(final) && fs.statSync(final).size === bytes.length) return { sha256, size: bytes.length };
      const dir = path.dirname(final);
      fs.mkdirSync(dir, { recursive: true });
      const tmp = `${final}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      const fd = fs.openSync(tmp, 'w');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, final);
      fsyncDir(dir);
      return { sha256, size: bytes.length };
    },
    has: (sha256: string): boolean => fs.existsSync(blobPath(root, sha256)),
    read: (sha256: string): Buffer => fs.readFileSync(blobPath(root, sha256)),
    /** Reads `length` bytes from `offset` (a chunk of an upload) without loading the whole file. */
    readRange(sha256: string, offset: number, length: number): Buffer {
      const fd = fs.openSync(blobPath(root, sha256), 'r');
      try {
        const buf = Buffer.alloc(length);
        const n = fs.readSync(fd, buf, 0, length, offset);
        return buf.subarray(0, n);
      } finally {
        fs.closeSync(fd);
      }
    },
    /** Whether the file is there and its bytes still hash to its name (the restore drill). */
    verify(sha256: string): 'ok' | 'missing' | 'corrupt' {
      const p = blobPath(root, sha256);
      if (!fs.existsSync(p)) return 'missing';
      return sha256Of(fs.readFileSync(p)) === sha256 ? 'ok' : 'corrupt';
    },
  };
}
export type FileStore = ReturnType<typeof createFileStore>;
