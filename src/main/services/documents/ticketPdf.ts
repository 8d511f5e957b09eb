import { officeDateVi, officeTimeOf, type PriorityReason } from '../../../shared/domain';
import type { IssuedTicket } from '../../../shared/api';
import { createDocument, Frame, toBuffer } from './layout';

/** Words of the printed ticket. Vietnamese is the source; English for foreign visitors. */
const words = {
  vi: {
    title: 'PHIẾU SỐ THỨ TỰ',
    service: 'Lĩnh vực',
    issued: 'Giờ lấy số',
    ahead: 'Số người chờ trước Ông/Bà',
    wait: 'Thời gian chờ dự kiến',
    minutes: (m: number) => (m <= 0 ? 'được gọi ngay' : `khoảng ${m} phút`),
    at: (time: string, date: string) => `${time} ngày ${date}`,
    priority: 'Ưu tiên',
    reasons: { elderly: 'Người cao tuổi', disability: 'Người khuyết tật', pregnant: 'Phụ nữ mang thai', small_child: 'Người có con nhỏ' },
    footer: 'Vui lòng chú ý màn hình và loa gọi số.\nXin cảm ơn Ông/Bà!',
  },
  en: {
    title: 'QUEUE TICKET',
    service: 'Service',
    issued: 'Issued at',
    ahead: 'People ahead of you',
    wait: 'Estimated wait',
    minutes: (m: number) => (m <= 0 ? 'you are next' : `about ${m} min`),
    at: (time: string, date: string) => `${time} on ${date}`,
    priority: 'Priority',
    reasons: { elderly: 'Elderly person', disability: 'Person with a disability', pregnant: 'Pregnant woman', small_child: 'Parent with a small child' },
    footer: 'Please watch the screen and listen for your number.\nThank you!',
  },
} satisfies Record<'vi' | 'en', { reasons: Record<PriorityReason, string> } & Record<string, unknown>>;

export interface TicketPdfInput {
  officeName: string;
  issued: IssuedTicket;
  lang: 'vi' | 'en';
  timeZone: string;
}

/** The 80 mm thermal ticket: office, service, the number large, time, people ahead, estimated wait. */
export async function renderTicketPdf({ officeName, issued, lang, timeZone }: TicketPdfInput): Promise<Buffer> {
  const w = words[lang];
  const { ticket } = issued;
  const doc = createDocument({ widthMm: 80, heightMm: 95, marginMm: 5, title: `${w.title} ${ticket.number}`, lang });
  const f = Frame.page(doc);
  const centred = { align: 'center' } as const;
  f.text(officeName.toUpperCase(), { size: 10, bold: true, gapMm: 1, ...centred });
  f.rule();
  f.text(w.title, { size: 11, bold: true, gapMm: 0.5, ...centred });
  f.text(lang === 'vi' ? ticket.serviceNameVi : ticket.serviceNameEn, { size: 11, gapMm: 1, ...centred });
  f.text(ticket.number, { size: 54, bold: true, ...centred });
  if (ticket.priority) f.text(`${w.priority}: ${w.reasons[ticket.priority]}`, { size: 10, bold: true, gapMm: 1, ...centred });
  f.rule();
  f.labelled(w.issued, w.at(officeTimeOf(ticket.issuedAt, timeZone), officeDateVi(ticket.issuedAt, timeZone)), { size: 9.5, gapMm: 0.8 });
  f.labelled(w.ahead, String(issued.ahead), { size: 9.5, gapMm: 0.8 });
  f.labelled(w.wait, w.minutes(issued.estimatedWaitMinutes), { size: 9.5, gapMm: 1 });
  f.rule();
  f.text(w.footer, { size: 8.5, ...centred });
  return toBuffer(doc);
}
