import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTicketPdf } from '../../src/main/services/documents/ticketPdf';

const issuedAt = Date.parse('2026-11-23T01:15:00Z'); // 08:15 in Hà Nội
const issued = {
  ticket: {
    id: 7, number: 'A023', officeDay: '2026-11-23', serviceId: 1, serviceNameVi: 'Tư pháp – Hộ tịch', serviceNameEn: 'Justice and civil status',
    priority: 'elderly' as const, status: 'waiting' as const, issuedAt, calledAt: null, servingStartedAt: null, counterId: null, counterNumber: null, recallCount: 0, transferCount: 0,
  },
  ahead: 4,
  estimatedWaitMinutes: 12,
};

function pdfText(pdf: Buffer): { text: string; info: string; fonts: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pdf-'));
  const file = path.join(dir, 'ticket.pdf');
  fs.writeFileSync(file, pdf);
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}

describe('the 80 mm ticket PDF', () => {
  it('has the office, service, number, time, people ahead and wait in exact Vietnamese', async () => {
    const pdf = await renderTicketPdf({ officeName: 'Trung tâm Phục vụ hành chính công phường Ba Đình', issued, lang: 'vi', timeZone: 'Asia/Ho_Chi_Minh' });
    const { text, info, fonts } = pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG BA ĐÌNH');
    expect(flat).toContain('PHIẾU SỐ THỨ TỰ');
    expect(flat).toContain('Tư pháp – Hộ tịch');
    expect(flat).toContain('A023');
    expect(flat).toContain('Ưu tiên: Người cao tuổi');
    expect(flat).toContain('Giờ lấy số: 08:15 ngày 23/11/2026');
    expect(flat).toContain('Số người chờ trước Ông/Bà: 4');
    expect(flat).toContain('Thời gian chờ dự kiến: khoảng 12 phút');
    expect(flat).toContain('Xin cảm ơn Ông/Bà!');
    // 80 mm wide (226.77 pt), one page, fonts embedded (a subset of Be Vietnam Pro).
    expect(info).toMatch(/Page size:\s+226\.77\d* x/);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(fonts).toMatch(/\+BeVietnamPro-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/\+BeVietnamPro-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('prints in English for an English kiosk', async () => {
    const pdf = await renderTicketPdf({ officeName: 'Ba Đình Ward Public Service Centre', issued: { ...issued, ahead: 0, estimatedWaitMinutes: 0 }, lang: 'en', timeZone: 'Asia/Ho_Chi_Minh' });
    const flat = pdfText(pdf).text.replace(/\s+/g, ' ');
    expect(flat).toContain('QUEUE TICKET');
    expect(flat).toContain('Justice and civil status');
    expect(flat).toContain('People ahead of you: 0');
    expect(flat).toContain('Estimated wait: you are next');
    expect(flat).toContain('Priority: Elderly person');
  });

  it('says that no counter serves the service instead of a number when none is open', async () => {
    for (const [lang, words] of [['vi', 'Chưa có quầy nào đang phục vụ dịch vụ này'], ['en', 'No counter is serving this service at the moment']] as const) {
      const pdf = await renderTicketPdf({ officeName: 'Ba Đình', issued: { ...issued, ahead: null, estimatedWaitMinutes: null }, lang, timeZone: 'Asia/Ho_Chi_Minh' });
      const { text, info } = pdfText(pdf);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(words);
      expect(flat).not.toMatch(/Số người chờ|People ahead|Thời gian chờ|Estimated wait/);
      expect(info).toMatch(/Pages:\s+1\n/);
    }
  });
});
