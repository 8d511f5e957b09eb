import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { requireCameraTools } from './toolProbe';

/**
 * Camera frames made from a receipt the hub printed, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture=FILE.y4m`): pdftoppm renders the page,
 * ImageMagick cuts out the citizen's copy's barcode or QR, enlarges it as a
 * receipt held near the camera would be, rotates, blurs or fades it, and sets
 * it in a grey camera-sized frame; ffmpeg turns it into a short .y4m clip.
 */
export type Symbol = 'qr' | 'code128';
export interface Degrade {
  rotate?: number;
  blur?: number;
  /** Low contrast: black becomes this grey (0–100 %) and white this one. */
  fade?: [number, number];
}

/** Where the citizen's copy (the right half of the A4 landscape receipt) carries each symbol, in PDF points, with a margin. */
const REGIONS: Record<Symbol, { x: number; y: number; w: number; h: number; scale: number }> = {
  code128: { x: 448, y: 80, w: 222, h: 44, scale: 0.95 },
  qr: { x: 765, y: 78, w: 55, h: 52, scale: 2.6 },
};
const DPI = 300;
/** Asynchronous, so the test worker keeps answering vitest while ImageMagick and ffmpeg work. */
const exec = promisify(execFile);
/** Every call checks the tools first (once per process), so a missing one is one clear line, not a command's stack. */
const run = async (command: string, args: string[]) => {
  await requireCameraTools();
  return exec(command, args);
};

export async function receiptPage(pdf: Buffer, dir: string): Promise<string> {
  const file = path.join(dir, 'receipt.pdf');
  fs.writeFileSync(file, pdf);
  await run('pdftoppm', ['-r', String(DPI), '-png', '-gray', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
  return path.join(dir, 'page.png');
}

/** One frame as PNG (width × height), the symbol degraded as asked. */
export async function cameraFrame(page: string, symbol: Symbol, degrade: Degrade, out: string, size: [number, number] = [1280, 720]): Promise<string> {
  const r = REGIONS[symbol];
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const args = [page, '-crop', `${px(r.w)}x${px(r.h)}+${px(r.x)}+${px(r.y)}`, '+repage', '-resize', `${Math.round(r.scale * 100)}%`, '-bordercolor', 'white', '-border', '30'];
  if (degrade.rotate) args.push('-background', 'white', '-rotate', String(degrade.rotate));
  if (degrade.fade) args.push('+level', `${degrade.fade[0]}%,${degrade.fade[1]}%`);
  if (degrade.blur) args.push('-blur', `0x${degrade.blur}`);
  args.push('-background', '#6f747c', '-gravity', 'center', '-extent', `${size[0]}x${size[1]}`, '-colorspace', 'sRGB', '-type', 'TrueColor', out);
  await run('convert', args);
  return out;
}

/** A short clip of the frame for Chromium's fake camera; it loops the file. */
export async function toY4m(png: string, out: string): Promise<string> {
  await run('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', png, '-frames:v', '3', '-pix_fmt', 'yuv420p', '-r', '10', out]);
  return out;
}
