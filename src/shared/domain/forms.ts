import { officeDayOf, OFFICE_TIME_ZONE } from './officeDay';
import type { DossierStatusKey } from './dossier';

/**
 * The forms of Thông tư 03/2025/TT-VPCP, Phụ lục I (docs/legal.md §2.1): their
 * numbers and titles, which of them a dossier can print now, and the rule of
 * Nghị định 118/2025 Điều 19 khoản 6 for the extension form 04. Pure: the hub
 * refuses with these answers and the counter shows only the forms that apply.
 */

export const DOSSIER_FORMS = ['01', '02', '03', '04', '05', '06'] as const;
export type DossierForm = (typeof DOSSIER_FORMS)[number];

/** The titles as the circular's appendix lists them (upper case as printed); 07 is the register of a period. */
export const FORM_TITLES: Record<DossierForm | '07', string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
  '07': 'SỔ THEO DÕI HỒ SƠ',
};

/** The line under each form's number: which text it follows (printed small at the top right). */
export const FORM_SOURCE = 'Thông tư số 03/2025/TT-VPCP';

/** What decides whether a form applies, read from the dossier and its timeline. */
export interface FormFacts {
  status: DossierStatusKey;
  /** A supplement request was ever made (the last one is printed). */
  hasSupplementRequest: boolean;
  /** An extension was proposed (form 04 prints the last proposal). */
  hasExtension: boolean;
}

export type FormRefusal = 'not_received' | 'no_supplement_request' | 'not_refused' | 'no_extension' | 'not_stopped';

/** Null when `form` can be printed for the dossier now, else why not. */
export function formRefusal(form: DossierForm, facts: FormFacts): FormRefusal | null {
  // An online submission (1) is not received yet: nothing is issued for it at the counter.
  if (facts.status === 'submitted_online') return 'not_received';
  switch (form) {
    case '01':
    case '06':
      return null;
    case '02':
      return facts.hasSupplementRequest ? null : 'no_supplement_request';
    case '03':
      return facts.status === 'refused' ? null : 'not_refused';
    case '04':
      return facts.hasExtension ? null : 'no_extension';
    case '05':
      return facts.status === 'stopped' ? null : 'not_stopped';
  }
}

export const FORM_REFUSAL_WORDS: Record<FormRefusal, string> = {
  not_received: 'it was submitted online and is not received yet',
  no_supplement_request: 'no supplement was requested for it',
  not_refused: 'it is not refused (form 03 is the refusal)',
  no_extension: 'no extension was proposed for it (form 04)',
  not_stopped: 'its processing is not stopped (status 8; form 05 is the stop notice)',
};

export type ExtensionProblem = 'already_extended' | 'too_late' | 'not_later';

/**
 * Nghị định 118/2025 Điều 19 khoản 6: the letter asking for more time is sent
 * "trong thời hạn chậm nhất 01 ngày trước ngày hết hạn", and "việc hẹn lại ngày
 * trả kết quả được thực hiện không quá một lần". Read as: the office day of the
 * proposal is at least one calendar day before the office day of the due time,
 * no extension was proposed or granted before, and the new time is later.
 */
export function extensionProblem(input: { now: number; dueAt: number; newDueAt: number; extensionsSoFar: number; timeZone?: string }): ExtensionProblem | null {
  if (input.newDueAt <= input.dueAt || input.newDueAt <= input.now) return 'not_later';
  if (input.extensionsSoFar > 0) return 'already_extended';
  const tz = input.timeZone ?? OFFICE_TIME_ZONE;
  if (officeDayOf(input.now, tz) >= officeDayOf(input.dueAt, tz)) return 'too_late';
  return null;
}

export const EXTENSION_PROBLEM_WORDS: Record<ExtensionProblem, string> = {
  already_extended: 'the result date may be moved only once (Nghị định 118/2025, Điều 19 khoản 6)',
  too_late: 'an extension must be proposed at least 1 day before the due date (Nghị định 118/2025, Điều 19 khoản 6)',
  not_later: 'the new appointment must be later than now and than the current due time',
};

/** The tracking book (form 07) covers at most this many days, so one request stays a printable register. */
export const TRACKING_BOOK_MAX_DAYS = 366;

/**
 * Form 06's result column for one hand-over: passed on before the due office day
 * (Trước hạn), on it (Đúng hạn, by the due time), or after (Quá hạn). Still held:
 * judged against now.
 */
export function handOverTiming(passedOnAt: number, dueAt: number, timeZone: string = OFFICE_TIME_ZONE): 'early' | 'on_time' | 'late' {
  if (passedOnAt > dueAt) return 'late';
  return officeDayOf(passedOnAt, timeZone) < officeDayOf(dueAt, timeZone) ? 'early' : 'on_time';
}

/** The national status names (docs/legal.md §4), as the tracking book prints them. */
export const STATUS_NAME_VI: Record<DossierStatusKey, string> = {
  submitted_online: 'Mới đăng ký',
  accepted: 'Được tiếp nhận',
  refused: 'Không được tiếp nhận',
  processing: 'Đang xử lý',
  supplement_requested: 'Yêu cầu bổ sung giấy tờ',
  financial_obligation: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  withdrawn: 'Công dân yêu cầu rút hồ sơ',
  stopped: 'Dừng xử lý',
  result_ready: 'Đã xử lý xong',
  handed_over: 'Đã trả kết quả',
};
