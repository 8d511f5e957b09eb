/**
 * A test thermal printer: the test's own TCP listener on 127.0.0.1 (port 0) that answers DLE EOT
 * with the bytes an Epson-compatible printer sends in each state, records every byte it gets,
 * and can hang mid-job or answer garbage. `decodeRaster` turns the GS v 0 bands back into an image.
 */
import { createServer, type Server, type Socket } from 'node:net';
import zlib from 'node:zlib';

export type TestPrinterMode = 'online' | 'cover_open' | 'paper_end' | 'near_end' | 'offline' | 'garbage' | 'silent' | 'hang_mid_job';

/** [DLE EOT 1, DLE EOT 2, DLE EOT 4] answers, as an Epson TM-T20/T82-class printer sends them. */
const ANSWERS: Record<'online' | 'cover_open' | 'paper_end' | 'near_end' | 'offline', [number, number, number]> = {
  online: [0x12, 0x12, 0x12],
  // Cover open: the printer goes offline (bit 3) and says why (bit 2 of the offline cause).
  cover_open: [0x1a, 0x16, 0x12],
  // Paper end: offline, "stopped at paper end" (bit 5), and the roll sensor's end bits (5, 6).
  paper_end: [0x1a, 0x32, 0x72],
  // Near end: still online; the roll sensor's near-end bits (2, 3).
  near_end: [0x12, 0x12, 0x1e],
  offline: [0x1a, 0x12, 0x12],
};

export interface TestPrinter {
  port: number;
  address: string;
  mode: TestPrinterMode;
  /** Everything received on every connection, in order. */
  received(): Buffer;
  close(): Promise<void>;
}

export async function startTestPrinter(mode: TestPrinterMode = 'online'): Promise<TestPrinter> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  const state = { mode };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let total = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (state.mode === 'hang_mid_job' && total > 2000) {
        // Stops reading and answering, as a printer whose buffer jammed: the socket stays open.
        socket.pause();
        return;
      }
      for (let i = 0; i + 2 < chunk.length; i++) {
        if (chunk[i] !== 0x10 || chunk[i + 1] !== 0x04) continue;
        const n = chunk[i + 2];
        const which = n === 1 ? 0 : n === 2 ? 1 : n === 4 ? 2 : null;
        if (which === null || state.mode === 'silent') continue;
        if (state.mode === 'garbage') socket.write(Buffer.from([0xff]));
        else socket.write(Buffer.from([ANSWERS[state.mode === 'hang_mid_job' ? 'online' : state.mode][which]!]));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    address: `escpos:tcp:127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m: TestPrinterMode) {
      state.mode = m;
    },
    received: () => Buffer.concat(chunks),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface DecodedJob {
  width: number;
  height: number;
  /** Packed rows, MSB first, 1 = black. */
  bits: Uint8Array;
  bands: number;
  /** Whether the last command of the job is GS V (cut). */
  endsWithCut: boolean;
  startsWithReset: boolean;
}

/** Reads a job back: skips status requests, joins the GS v 0 bands, checks the end is GS V. */
export function decodeRaster(bytes: Buffer): DecodedJob {
  let i = 0;
  let width = 0;
  const rows: Buffer[] = [];
  let bands = 0;
  let lastCommand = '';
  let startsWithReset = false;
  let sawImage = false;
  while (i < bytes.length) {
    if (bytes[i] === 0x10 && bytes[i + 1] === 0x04) {
      i += 3;
      continue;
    }
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x40) {
      if (!sawImage) startsWithReset = true;
      lastCommand = 'ESC @';
      i += 2;
      continue;
    }
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x76 && bytes[i + 2] === 0x30) {
      const xBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
      const y = bytes[i + 6]! + bytes[i + 7]! * 256;
      if (width && width !== xBytes * 8) throw new Error('bands of different widths');
      width = xBytes * 8;
      rows.push(bytes.subarray(i + 8, i + 8 + xBytes * y));
      i += 8 + xBytes * y;
      bands++;
      sawImage = true;
      lastCommand = 'GS v 0';
      continue;
    }
    if (bytes[i] === 0x1d && bytes[i + 1] === 0x56) {
      lastCommand = 'GS V';
      i += bytes[i + 2] === 65 || bytes[i + 2] === 66 ? 4 : 3;
      continue;
    }
    throw new Error(`unexpected byte 0x${bytes[i]!.toString(16)} at ${i}`);
  }
  const bits = new Uint8Array(Buffer.concat(rows));
  return { width, height: width ? bits.length / (width / 8) : 0, bits, bands, endsWithCut: lastCommand === 'GS V', startsWithReset };
}

/** A PBM (P4) file of the image: its packed rows are GS v 0's, byte for byte. */
export const toPbm = (job: { width: number; height: number; bits: Uint8Array }): Buffer => Buffer.concat([Buffer.from(`P4\n${job.width} ${job.height}\n`), Buffer.from(job.bits)]);

/** A 1-bit greyscale PNG of the image (to look at it), built with node's zlib. */
export function toPng(job: { width: number; height: number; bits: Uint8Array }): Buffer {
  const rowBytes = job.width / 8;
  const raw = Buffer.alloc((rowBytes + 1) * job.height);
  // PNG's 1-bit grey has 0 = black, the opposite of GS v 0.
  for (let y = 0; y < job.height; y++) for (let x = 0; x < rowBytes; x++) raw[y * (rowBytes + 1) + 1 + x] = ~job.bits[y * rowBytes + x]! & 0xff;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(job.width, 0);
  ihdr.writeUInt32BE(job.height, 4);
  ihdr[8] = 1;
  ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
