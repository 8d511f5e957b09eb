import { officeDateVi, officeTimeOf, type PriorityReason } from '../../../shared/domain';
import type { IssuedTicket } from '../../../shared/api';
import { createDocument, Frame, mm, toBuffer } from './layout';

/** Words of the printed ticket. Vietnamese is the source; English for foreign visitors. */
const words = {
  vi: {
    title: 'PHIẾU SỐ THỨ TỰ',
    service: 'Lĩnh vực',
    issued: 'Giờ lấy số',
    ahead: 'Số người chờ trước Ông/Bà',
    noCounter: 'Chưa có quầy nào đang phục vụ dịch vụ này',
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
    noCounter: 'No counter is serving this service at the moment',
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

/** The ticket's usual length; a longer one (long names, a priority line) gets a longer page, never a second one. */
const BASE_HEIGHT_MM = 95;
const MARGIN_MM = 5;
/** Measuring pass: a page long enough for anything the admin can enter (a 200-character office, a 120-character service). */
const MEASURE_HEIGHT_MM = 400;

/**
 * The largest size from `sizes` at which `text` takes at most `maxLines` lines across the frame
 * (the smallest size when none does: the text then wraps onto more lines, never cut).
 */
function fittingSize(f: Frame, text: string, sizes: readonly number[], maxLines: number, bold: boolean): number {
  for (const size of sizes) {
    const oneLine = f.measure('Ag', { size, bold });
    if (f.measure(text, { size, bold }) <= oneLine * maxLines + 0.5) return size;
  }
  return sizes[sizes.length - 1]!;
}

/** Lays the ticket out in the frame; returns where the content ends. */
function layTicket(f: Frame, { officeName, issued, lang, timeZone }: TicketPdfInput): number {
  const w = words[lang];
  const { ticket } = issued;
  const centred = { align: 'center' } as const;
  const office = officeName.toUpperCase();
  f.text(office, { size: fittingSize(f, office, [10, 9, 8], 2, true), bold: true, gapMm: 1, ...centred });
  f.rule();
  f.text(w.title, { size: 11, bold: true, gapMm: 0.5, ...centred });
  // Long service names (English ones above all) shrink to stay within three lines, then wrap.
  const service = lang === 'vi' ? ticket.serviceNameVi : ticket.serviceNameEn;
  f.text(service, { size: fittingSize(f, service, [11, 10, 9, 8.5], 3, false), gapMm: 1, ...centred });
  f.text(ticket.number, { size: 54, bold: true, ...centred });
  if (ticket.priority) f.text(`${w.priority}: ${w.reasons[ticket.priority]}`, { size: 10, bold: true, gapMm: 1, ...centred });
  f.rule();
  f.labelled(w.issued, w.at(officeTimeOf(ticket.issuedAt, timeZone), officeDateVi(ticket.issuedAt, timeZone)), { size: 9.5, gapMm: 0.8 });
  // The call forecast's words, as on the kiosk's screen (src/shared/domain/callForecast.ts).
  if (issued.ahead === null || issued.estimatedWaitMinutes === null) f.text(w.noCounter, { size: 9.5, bold: true, gapMm: 1, ...centred });
  else {
    f.labelled(w.ahead, String(issued.ahead), { size: 9.5, gapMm: 0.8 });
    f.labelled(w.wait, w.minutes(issued.estimatedWaitMinutes), { size: 9.5, gapMm: 1 });
  }
  f.rule();
  f.text(w.footer, { size: 8.5, ...centred });
  return f.y;
}

/**
 * The 80 mm thermal ticket: office, service, the number large, time, people ahead, estimated wait.
 * ONE page in every language for every name the admin can enter: the content is measured first
 * (laid out once on a long scratch page), and the page is made as long as it needs, 95 mm at
 * least. A roll printer cuts where the page ends, so a longer ticket is a longer slip, not two.
 */
export async function renderTicketPdf(input: TicketPdfInput): Promise<Buffer> {
  const title = `${words[input.lang].title} ${input.issued.ticket.number}`;
  const scratch = createDocument({ widthMm: 80, heightMm: MEASURE_HEIGHT_MM, marginMm: MARGIN_MM, title, lang: input.lang });
  const usedMm = layTicket(Frame.page(scratch), input) / mm(1);
  scratch.end();
  const heightMm = Math.max(BASE_HEIGHT_MM, Math.ceil(usedMm + MARGIN_MM + 1));
  const doc = createDocument({ widthMm: 80, heightMm, marginMm: MARGIN_MM, title, lang: input.lang });
  layTicket(Frame.page(doc), input);
  return toBuffer(doc);
}
