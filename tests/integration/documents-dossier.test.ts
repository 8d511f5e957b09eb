import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildDossierQrPayload,
  parseDossierQrPayload,
  renderReceiptPdf,
  renderRefusalSlipPdf,
  renderSupplementSlipPdf,
  type ReceiptInput,
  type SlipInput,
} from '../../src/main/services/documents/dossierDocs';

/**
 * Every dossier document, checked the way a reader and a scanner see it:
 * pdftotext for the exact Vietnamese words, pdfinfo for paper and pages,
 * pdffonts for the embedded Be Vietnam Pro subset, and pdftoppm at 200 dpi +
 * zbarimg for the Code 128 (the dossier code) and the QR (`MCK1:<code>:<secret>`)
 * on every copy of every page.
 */
const CODE = 'H01.27-261123-0007';
const SECRET = 'K7Q2X9PA';
const PAYLOAD = `MCK1:${CODE}:${SECRET}`;
const NAME_NFC = 'Nguyễn Thị Thuỷ Tiên';
const receivedAt = Date.parse('2026-11-23T01:15:00Z'); // 08:15 in Hà Nội
const dueAt = Date.parse('2026-11-24T07:30:00Z'); // 14:30

const receipt: ReceiptInput = {
  office: { agencyName: 'UBND phường Ba Đình', centreName: 'Bộ phận tiếp nhận và trả kết quả', place: 'Ba Đình', phone: '024 3823 4567' },
  dossier: {
    code: CODE,
    secret: SECRET,
    procedureName: 'Đăng ký khai sinh',
    receivedAt,
    sets: 1,
    processingTime: { value: 1, unit: 'working_days' },
    dueAt,
    resultDelivery: 'counter',
    feeVnd: 8000,
    registerBook: { volume: '03', entry: 125 },
  },
  // Entered as NFD (a macOS keyboard); printed as NFC.
  applicant: { fullName: NAME_NFC.normalize('NFD'), address: 'Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, Hà Nội', phone: '0912 345 678', email: 'tien.nguyen@example.vn' },
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, photocopies: 0 },
    { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, certifiedCopies: 0, photocopies: 0 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ (nếu có)', originals: 0, certifiedCopies: 1, photocopies: 2 },
  ],
  clerkName: 'Trần Văn Bình',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const DPI = 200;
interface Crop {
  /** Points from the left edge and width, in PDF points. */
  x: number;
  w: number;
}

class Pdf {
  readonly file: string;
  readonly dir: string;
  constructor(bytes: Buffer) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-docs-'));
    dirs.push(this.dir);
    this.file = path.join(this.dir, 'doc.pdf');
    fs.writeFileSync(this.file, bytes);
  }
  get info() {
    return execFileSync('pdfinfo', [this.file], { encoding: 'utf8' });
  }
  get fonts() {
    return execFileSync('pdffonts', [this.file], { encoding: 'utf8' });
  }
  get pages() {
    return Number(/Pages:\s+(\d+)/.exec(this.info)![1]);
  }
  /** pdftotext -layout of a page range and a vertical strip (points), as is. */
  layout(opts: { first?: number; last?: number; crop?: Crop } = {}): string {
    const args = ['-layout'];
    if (opts.first) args.push('-f', String(opts.first));
    if (opts.last) args.push('-l', String(opts.last));
    if (opts.crop) args.push('-x', String(Math.round(opts.crop.x)), '-y', '0', '-W', String(Math.round(opts.crop.w)), '-H', '2000');
    return execFileSync('pdftotext', [...args, this.file, '-'], { encoding: 'utf8' });
  }
  /** The same with every run of whitespace as one space. */
  flat(opts: Parameters<Pdf['layout']>[0] = {}): string {
    return this.layout(opts).replace(/\s+/g, ' ');
  }
  /** Decoded symbols per page (zbarimg --raw), rendered at 200 dpi, optionally a vertical strip only. */
  scan(crop?: Crop): string[][] {
    const prefix = path.join(this.dir, `p${crop ? Math.round(crop.x) : 'all'}`);
    const args = ['-r', String(DPI), '-png'];
    if (crop) args.push('-x', String(Math.round((crop.x * DPI) / 72)), '-y', '0', '-W', String(Math.round((crop.w * DPI) / 72)), '-H', '5000');
    execFileSync('pdftoppm', [...args, this.file, prefix]);
    const pngs = fs.readdirSync(this.dir).filter((f) => f.startsWith(path.basename(prefix) + '-') && f.endsWith('.png')).sort();
    return pngs.map((png) => {
      try {
        return execFileSync('zbarimg', ['--raw', '-q', path.join(this.dir, png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
      } catch {
        return []; // zbarimg exits 4 when it finds nothing
      }
    });
  }
}

const A4_LANDSCAPE = /Page size:\s+841\.89\d* x 595\.27\d* pts/;
const A4_PORTRAIT = /Page size:\s+595\.27\d* x 841\.89\d* pts/;
const A5 = /Page size:\s+419\.52\d* x 595\.27\d* pts/;
const LEFT: Crop = { x: 0, w: 420.9 };
const RIGHT: Crop = { x: 420.9, w: 420.9 };

function expectEmbeddedFonts(pdf: Pdf) {
  expect(pdf.fonts).toMatch(/\+BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  expect(pdf.fonts).toMatch(/\+BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
}

/** Both barcodes on one page or copy: the Code 128 gives the code, the QR the payload. */
function expectBothBarcodes(symbols: string[]) {
  expect(symbols).toContain(CODE);
  expect(symbols).toContain(PAYLOAD);
}

const HEADER_LINES = ['UBND PHƯỜNG BA ĐÌNH', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** The words of one receipt copy, exactly. */
function expectReceiptCopy(flat: string, copy: 1 | 2) {
  for (const line of HEADER_LINES) expect(flat).toContain(line);
  expect(flat).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(flat).toContain(copy === 1 ? '(Liên 1: lưu tại Bộ phận tiếp nhận và trả kết quả)' : '(Liên 2: giao cho người nộp hồ sơ)');
  expect(flat).not.toContain(copy === 1 ? 'Liên 2' : 'Liên 1');
  expect(flat).toContain(`Mã hồ sơ: ${CODE}`);
  expect(flat).toContain('Ba Đình, ngày 23 tháng 11 năm 2026');
  expect(flat).toContain(`Tiếp nhận hồ sơ của: Ông/Bà ${NAME_NFC}`);
  expect(flat).not.toContain(NAME_NFC.normalize('NFD'));
  expect(flat).toContain('Địa chỉ: Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, Hà Nội');
  expect(flat).toContain('Số điện thoại: 0912 345 678 Email: tien.nguyen@example.vn');
  expect(flat).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh');
  expect(flat).toContain('1. Thành phần hồ sơ nộp gồm:');
  expect(flat).toMatch(/TT Tên giấy tờ Bản chính/);
  expect(flat).toContain('1 Tờ khai đăng ký khai sinh theo mẫu 1 0 0');
  expect(flat).toContain('2 Giấy chứng sinh do cơ sở y tế cấp 1 0 0');
  expect(flat).toContain('3 Giấy chứng nhận kết hôn của cha, mẹ (nếu có) 0 1 2');
  expect(flat).toContain('2. Số lượng hồ sơ: 01 bộ');
  expect(flat).toContain('3. Thời gian giải quyết hồ sơ theo quy định: 01 ngày làm việc');
  expect(flat).toContain('4. Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 23/11/2026');
  expect(flat).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 24/11/2026');
  expect(flat).toContain('6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả');
  expect(flat).toContain('7. Phí, lệ phí: 8.000 đồng');
  expect(flat).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 125');
  expect(flat).toMatch(/NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ/);
  expect(flat).toMatch(/\(Ký và ghi rõ họ tên\) \(Ký và ghi rõ họ tên\)/);
  expect(flat).toContain(`${NAME_NFC} Trần Văn Bình`);
}

describe('the QR payload', () => {
  it('is MCK1:<code>:<secret> and parses back', () => {
    expect(buildDossierQrPayload(CODE, SECRET)).toBe(PAYLOAD);
    expect(parseDossierQrPayload(`${PAYLOAD}\r\n`)).toEqual({ code: CODE, secret: SECRET });
    expect(parseDossierQrPayload(CODE)).toBeNull();
    expect(parseDossierQrPayload(`MCK2:${CODE}:${SECRET}`)).toBeNull();
    expect(parseDossierQrPayload(`MCK1:${CODE}:${SECRET}:x`)).toBeNull();
    expect(parseDossierQrPayload('MCK1::x')).toBeNull();
    expect(() => buildDossierQrPayload('a:b', SECRET)).toThrow();
    expect(() => buildDossierQrPayload(CODE, 'has space')).toThrow();
  });
});

describe('the receipt (GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ)', () => {
  it('A4 landscape: two copies side by side, exact words, embedded fonts, both barcodes on each copy', async () => {
    const pdf = new Pdf(await renderReceiptPdf(receipt, { paper: 'A4_landscape' }));
    expect(pdf.info).toMatch(A4_LANDSCAPE);
    expect(pdf.pages).toBe(1);
    expectEmbeddedFonts(pdf);
    expectReceiptCopy(pdf.flat({ crop: LEFT }), 1);
    expectReceiptCopy(pdf.flat({ crop: RIGHT }), 2);
    expect(pdf.scan(LEFT)).toHaveLength(1);
    pdf.scan(LEFT).forEach(expectBothBarcodes);
    pdf.scan(RIGHT).forEach(expectBothBarcodes);
  });

  it('A5 portrait: one copy per page, two pages, both barcodes on each', async () => {
    const pdf = new Pdf(await renderReceiptPdf(receipt, { paper: 'A5' }));
    expect(pdf.info).toMatch(A5);
    expect(pdf.pages).toBe(2);
    expectEmbeddedFonts(pdf);
    expectReceiptCopy(pdf.flat({ first: 1, last: 1 }), 1);
    expectReceiptCopy(pdf.flat({ first: 2, last: 2 }), 2);
    const pages = pdf.scan();
    expect(pages).toHaveLength(2);
    pages.forEach(expectBothBarcodes);
  });

  it('collects by post with the address, prints a free procedure, and leaves no barcode with barcodes: false', async () => {
    const post = { ...receipt, dossier: { ...receipt.dossier, resultDelivery: 'post' as const, feeVnd: 0 } };
    const pdf = new Pdf(await renderReceiptPdf(post, { paper: 'A5' }));
    const flat = pdf.flat({ first: 1, last: 1 });
    expect(flat).toContain('6. Đăng ký nhận kết quả tại: Qua dịch vụ bưu chính công ích, địa chỉ: Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, Hà Nội');
    expect(flat).toContain('7. Phí, lệ phí: Không thu phí, lệ phí');
    const bare = new Pdf(await renderReceiptPdf(receipt, { paper: 'A5', barcodes: false }));
    expect(bare.scan().flat()).toEqual([]);
    expect(bare.flat({ first: 1, last: 1 })).toContain(`Mã hồ sơ: ${CODE}`);
  });

  describe('a long documents table (40 rows, 300-character names)', () => {
    const filler = 'bản kê khai thông tin chi tiết về nhân thân, nơi cư trú và quan hệ gia đình của người yêu cầu đăng ký hộ tịch ';
    const names = Array.from({ length: 40 }, (_, i) => {
      const head = `Giấy tờ số ${i + 1}: `;
      return (head + filler.repeat(4)).slice(0, 300).trim();
    });
    const long: ReceiptInput = { ...receipt, documents: names.map((name, i) => ({ name, originals: i % 3, certifiedCopies: (i + 1) % 3, photocopies: (i + 2) % 4 })) };
    const countsOf = (i: number) => [i % 3, (i + 1) % 3, (i + 2) % 4];

    /** Every row once, in order, with its counts on the row's first line. */
    function expectAllRows(text: string) {
      let at = -1;
      names.forEach((_, i) => {
        const n = i + 1;
        const [a, b, c] = countsOf(i);
        const line = new RegExp(`^\\s*${n}\\s+Giấy tờ số ${n}:.*\\s${a}\\s+${b}\\s+${c}\\s*$`, 'm');
        expect(text, `row ${n}`).toMatch(line);
        const pos = text.search(line);
        expect(pos, `row ${n} after row ${n - 1}`).toBeGreaterThan(at);
        at = pos;
        expect(text.match(new RegExp(`Giấy tờ số ${n}:`, 'g')), `row ${n} once`).toHaveLength(1);
      });
    }

    it('A4 landscape: both copies continue page after page, no row lost, header row and barcodes on every page', { timeout: 90_000 }, async () => {
      const pdf = new Pdf(await renderReceiptPdf(long, { paper: 'A4_landscape' }));
      expect(pdf.info).toMatch(A4_LANDSCAPE);
      const pages = pdf.pages;
      expect(pages).toBeGreaterThan(3);
      for (const [crop, copy] of [[LEFT, 1], [RIGHT, 2]] as const) {
        const text = pdf.layout({ crop });
        expectAllRows(text);
        expect(text.match(/Tên giấy tờ/g)).toHaveLength(pages);
        expect(text.replace(/\s+/g, ' ')).toContain(`GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (tiếp theo, trang ${pages})`);
        const flat = text.replace(/\s+/g, ' ');
        expect(flat).toContain(`Liên ${copy}`);
        expect(flat).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 14 giờ 30 phút, ngày 24/11/2026');
        expect(flat).toMatch(/NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ/);
        const scanned = pdf.scan(crop);
        expect(scanned).toHaveLength(pages);
        scanned.forEach(expectBothBarcodes);
      }
    });

    it('A5: every name whole in the name column, both copies, barcodes on every page', { timeout: 90_000 }, async () => {
      const pdf = new Pdf(await renderReceiptPdf(long, { paper: 'A5' }));
      expect(pdf.info).toMatch(A5);
      const pages = pdf.pages;
      expect(pages % 2).toBe(0);
      const half = pages / 2;
      // The name column: margin 9 mm, then 7 % to 64 % of the 130 mm frame.
      const margin = (9 * 72) / 25.4;
      const frame = 419.53 - 2 * margin;
      const nameColumn: Crop = { x: margin + 0.07 * frame + 1, w: 0.57 * frame - 2 };
      for (const [first, last] of [[1, half], [half + 1, pages]]) {
        expectAllRows(pdf.layout({ first, last }));
        const column = pdf.flat({ first, last, crop: nameColumn });
        for (const name of names) expect(column).toContain(name);
      }
      expect(pdf.flat({ first: 1, last: half })).toContain('Liên 1');
      expect(pdf.flat({ first: half + 1, last: pages })).toContain('Liên 2');
      const scanned = pdf.scan();
      expect(scanned).toHaveLength(pages);
      scanned.forEach(expectBothBarcodes);
    });
  });
});

describe('the slips (A4 portrait)', () => {
  const base: SlipInput = {
    office: receipt.office,
    dossier: { code: CODE, secret: SECRET, procedureName: 'Đăng ký khai sinh', receivedAt },
    applicant: receipt.applicant,
    clerkName: 'Trần Văn Bình',
    issuedAt: Date.parse('2026-11-23T03:00:00Z'),
  };

  async function checkSlip(bytes: Buffer, title: string): Promise<string> {
    const pdf = new Pdf(bytes);
    expect(pdf.info).toMatch(A4_PORTRAIT);
    expect(pdf.pages).toBe(1);
    expectEmbeddedFonts(pdf);
    const flat = pdf.flat();
    for (const line of HEADER_LINES) expect(flat).toContain(line);
    expect(flat).toContain(title);
    expect(flat).toContain(`Mã hồ sơ: ${CODE}`);
    expect(flat).toContain('Ba Đình, ngày 23 tháng 11 năm 2026');
    expect(flat).toContain(`Tiếp nhận hồ sơ của: Ông/Bà ${NAME_NFC}`);
    expect(flat).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh');
    expect(flat).toContain('Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 23/11/2026');
    expect(flat).toMatch(/NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ/);
    expect(flat).toContain(`${NAME_NFC} Trần Văn Bình`);
    const scanned = pdf.scan();
    expect(scanned).toHaveLength(1);
    scanned.forEach(expectBothBarcodes);
    return flat;
  }

  it('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ: the missing items, the reason, the paused clock', async () => {
    const flat = await checkSlip(
      await renderSupplementSlipPdf({ ...base, missingItems: ['Bản sao Giấy chứng nhận kết hôn của cha, mẹ', 'Văn bản ủy quyền có chứng thực'], reason: 'Hồ sơ thiếu giấy tờ theo quy định' }),
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    );
    expect(flat).toContain('đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau: 1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ 2. Văn bản ủy quyền có chứng thực');
    expect(flat).toContain('Lý do: Hồ sơ thiếu giấy tờ theo quy định');
    expect(flat).toContain('tạm dừng từ ngày 23/11/2026');
    expect(flat).toContain('số điện thoại 024 3823 4567');
  });

  it('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ: the reason', async () => {
    const flat = await checkSlip(await renderRefusalSlipPdf({ ...base, reason: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND phường' }), 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Thủ tục không thuộc thẩm quyền giải quyết của UBND phường');
  });
  // Form 04 (the 2025 letter asking for an extension) is checked in dossier-forms.test.ts.
});
