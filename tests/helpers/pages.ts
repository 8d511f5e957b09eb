import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderReceiptPdf } from '../../src/main/services/documents/dossierDocs';

const exec = promisify(execFile);

/** A real page of Vietnamese text: the receipt the hub prints, rendered by pdftoppm at 200 dpi (PNG). */
export async function textPagePdf(): Promise<Buffer> {
  return renderReceiptPdf({
    office: { agencyName: 'UBND phường Ba Đình', centreName: 'Bộ phận tiếp nhận và trả kết quả', place: 'Ba Đình', phone: '024 3823 4567' },
    dossier: {
      code: 'H01.27-261123-0007',
      secret: 'K7Q2X9PA',
      procedureName: 'Đăng ký khai sinh',
      receivedAt: Date.parse('2026-11-23T01:15:00Z'),
      sets: 1,
      processingTime: { value: 1, unit: 'working_days' },
      dueAt: Date.parse('2026-11-24T07:30:00Z'),
      resultDelivery: 'counter',
      feeVnd: 8000,
      registerBook: { volume: '03', entry: 125 },
    },
    applicant: { fullName: 'Nguyễn Thị Thuỷ Tiên', address: 'Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, Hà Nội', phone: '0912 345 678', email: null },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, certifiedCopies: 0, photocopies: 0 },
    ],
    clerkName: 'Trần Văn Bình',
  } as Parameters<typeof renderReceiptPdf>[0]);
}

export async function textPagePng(dir: string, dpi = 200): Promise<Buffer> {
  const pdf = path.join(dir, 'text-page.pdf');
  fs.writeFileSync(pdf, await textPagePdf());
  await exec('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'text-page')]);
  return fs.readFileSync(path.join(dir, 'text-page.png'));
}

/**
 * A photographed page for Chromium's fake camera: the text page, scaled as a document camera sees it,
 * turned a little and set on a grey desk (1280 × 720), then a short .y4m clip (ffmpeg) the browser loops.
 */
export async function photographedPageY4m(dir: string, rotate = 7): Promise<string> {
  const png = path.join(dir, 'text-page.png');
  if (!fs.existsSync(png)) await textPagePng(dir);
  const framePng = path.join(dir, 'camera-frame.png');
  await exec('convert', [png, '-resize', '900x640', '-background', '#6f747c', '-rotate', String(rotate), '-gravity', 'center', '-extent', '1280x720', '-colorspace', 'sRGB', '-type', 'TrueColor', framePng]);
  const y4m = path.join(dir, 'camera-page.y4m');
  await exec('ffmpeg', ['-loglevel', 'error', '-y', '-loop', '1', '-i', framePng, '-frames:v', '3', '-pix_fmt', 'yuv420p', '-r', '10', y4m]);
  return y4m;
}
