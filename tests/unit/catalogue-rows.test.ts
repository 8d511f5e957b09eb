import { describe, expect, it } from 'vitest';
import { mapHeaders, parseFee, parseLevel, parseProcedureCode, parseProcessing, rowToProcedure, splitList } from '../../src/shared/domain/catalogueRows';
import { validateProcedure } from '../../src/shared/domain/procedureRules';
import { checkAgencyCode, codesInForceOn } from '../../src/shared/domain/agencyCode';
import file from '../../assets/catalogue/procedures.json';

const HEAD = ['STT', 'Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực', 'Cấp thực hiện', 'Cơ quan thực hiện', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Căn cứ pháp lý'];
const noCurrent = { current: () => undefined, fieldEn: () => undefined };

describe('catalogue headers are matched by name, folded', () => {
  it('finds the header under a title, whatever the case, diacritics or spacing', () => {
    const rows = [['QUYẾT ĐỊNH CÔNG BỐ DANH MỤC'], ['', 'MA THU TUC', '  tên   thủ tục ', 'Lĩnh Vực', 'cap thuc hien', 'Thời hạn giải quyết', 'Phí lệ phí', 'Ghi chú']];
    const h = mapHeaders(rows);
    expect(h).toMatchObject({ ok: true, headerRow: 1, columns: { code: 1, name: 2, field: 3, level: 4, processing: 5, fee: 6 }, ignored: ['Ghi chú'] });
  });
  it('accepts the portal list\'s own headers "Mã số" and "Tên"', () => {
    expect(mapHeaders([['Mã số', 'Tên', 'Cơ quan thực hiện', 'Lĩnh vực', 'Cấp', 'Thời hạn', 'Lệ phí']])).toMatchObject({ ok: true, columns: { code: 0, name: 1, agency: 2 } });
  });
  it('says which required columns are missing, and refuses a column given twice', () => {
    expect(mapHeaders([['Mã thủ tục', 'Tên thủ tục', 'Lĩnh vực']])).toEqual({ ok: false, missing: ['level', 'processing', 'fee'], duplicated: [] });
    expect(mapHeaders([[...HEAD, 'Mã TTHC']])).toEqual({ ok: false, missing: [], duplicated: ['Mã TTHC'] });
  });
});

describe('cells', () => {
  it('codes: national (also with the agency appended) or local; anything else is null', () => {
    expect(parseProcedureCode(' 1.001193 ')).toEqual({ code: '1.001193', national: true });
    expect(parseProcedureCode('1.011442.000.00.00.H38')).toEqual({ code: '1.011442', national: true });
    expect(parseProcedureCode('dp-ht-001')).toEqual({ code: 'DP-HT-001', national: false });
    for (const bad of ['1.0011', '1001193', 'abc', '1.001193x']) expect(parseProcedureCode(bad), bad).toBeNull();
  });
  it('levels: province or commune; the district level is refused with why', () => {
    expect(parseLevel('Cấp Xã')).toEqual({ level: 'commune' });
    expect(parseLevel('Phường, đặc khu')).toEqual({ level: 'commune' });
    expect(parseLevel('UBND cấp tỉnh')).toEqual({ level: 'province' });
    expect(parseLevel('Cấp tỉnh, Cấp xã')).toEqual({ level: 'commune' });
    expect(parseLevel('Cấp huyện')).toMatchObject({ error: expect.stringContaining('1 July 2025') });
    expect(parseLevel('Thị xã')).toMatchObject({ error: expect.stringContaining('district level') });
    expect(parseLevel('bộ')).toMatchObject({ error: expect.stringContaining('not a level') });
  });
  it('processing time: working or calendar days, the same day, hours rounded up; months refused', () => {
    expect(parseProcessing('15 ngày làm việc kể từ ngày nhận đủ hồ sơ')).toMatchObject({ value: 15, unit: 'working_days' });
    expect(parseProcessing('03 ngày')).toEqual({ value: 3, unit: 'calendar_days', note: null });
    expect(parseProcessing('Trong ngày')).toMatchObject({ value: 0, unit: 'working_days' });
    expect(parseProcessing('Trong ngày; tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo')).toMatchObject({ value: 0, unit: 'working_days' });
    expect(parseProcessing('12 giờ làm việc')).toMatchObject({ value: 2, unit: 'working_days' });
    expect(parseProcessing('2 tháng')).toMatchObject({ error: expect.stringContaining('months') });
    expect(parseProcessing('tùy trường hợp')).toMatchObject({ error: expect.stringContaining('no time in days') });
    expect(parseProcessing('')).toMatchObject({ error: expect.any(String) });
  });
  it('fees: free, one amount, text only or several figures (null); broken figures are errors', () => {
    expect(parseFee('Không')).toEqual({ amount: 0 });
    expect(parseFee('Miễn phí')).toEqual({ amount: 0 });
    expect(parseFee('50.000 đồng/di chúc')).toEqual({ amount: 50000 });
    expect(parseFee('2,000 đồng/trang')).toEqual({ amount: 2000 });
    expect(parseFee('Theo Nghị quyết của HĐND tỉnh')).toEqual({ amount: null });
    expect(parseFee('Lệ phí theo Thông tư 85/2019/TT-BTC')).toEqual({ amount: null });
    expect(parseFee('10.000 đồng/bản; 5.000 đồng/trang từ trang thứ 3')).toEqual({ amount: null });
    expect(parseFee('-5.000 đồng')).toMatchObject({ error: expect.stringContaining('negative') });
    expect(parseFee('5O.000 đồng')).toMatchObject({ error: expect.stringContaining('letters') });
    expect(parseFee('50.00.0 đồng')).toMatchObject({ error: expect.stringContaining('grouped by 3') });
    expect(parseFee('')).toMatchObject({ error: expect.stringContaining('empty') });
  });
  it('lists split on new lines, semicolons and bullets', () => {
    expect(splitList('1. Tờ khai\n2. Bản sao CCCD; - Giấy tờ khác')).toEqual(['Tờ khai', 'Bản sao CCCD', 'Giấy tờ khác']);
  });
});

describe('a row becomes a procedure through the one validator', () => {
  const columns = (mapHeaders([HEAD]) as { columns: Record<string, number> }).columns;
  const row = (over: Partial<Record<string, string>> = {}) => {
    const v: Record<string, string> = { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã', agency: 'UBND cấp xã', processing: 'Trong ngày', fee: 'Không', documents: 'Tờ khai đăng ký khai sinh\nBản sao có chứng thực giấy chứng sinh', legal: 'Luật Hộ tịch số 60/2014/QH13', ...over };
    return ['1', v.code!, v.name!, v.field!, v.level!, v.agency!, v.processing!, v.fee!, v.documents!, v.legal!];
  };
  it('a good row, its documents counted from their wording', () => {
    const r = rowToProcedure(row(), 5, columns, noCurrent);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.procedure).toMatchObject({ code: '1.001193', nationalCode: '1.001193', level: 'commune', implementingAgency: 'UBND cấp xã', processing: { value: 0 }, fee: { amount: 0, textVi: 'Không' } });
    expect(r.procedure.documents.map((d) => [d.originals, d.certifiedCopies])).toEqual([[1, 0], [0, 1]]);
  });
  it('keeps what the sheet does not carry (English, steps) from the version in force', () => {
    const seed = file.procedures.find((p) => p.code === '1.001193')!;
    const current = validateProcedure(seed);
    if (!current.ok) throw new Error('seed');
    const r = rowToProcedure(row({ processing: '2 ngày làm việc' }), 5, columns, { current: () => current.procedure, fieldEn: () => 'Civil status' });
    expect(r.ok && r.procedure).toMatchObject({ nameEn: 'Birth registration', fieldEn: 'Civil status', steps: seed.steps, processing: { value: 2, unit: 'working_days' } });
  });
  it('every bad cell is reported with its row, column and why', () => {
    const r = rowToProcedure(row({ code: 'X', level: 'Cấp huyện', fee: '-1', processing: '' }), 9, columns, noCurrent);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[9, 'Mã thủ tục'], [9, 'Cấp thực hiện'], [9, 'Thời hạn giải quyết'], [9, 'Phí, lệ phí']]);
    expect(r.errors.every((e) => e.reason.length > 10)).toBe(true);
  });
  it('a new procedure without legal basis is refused; the validator refuses a district level from anyone', () => {
    const r = rowToProcedure(row({ legal: '' }), 3, columns, noCurrent);
    expect(r.ok === false && r.errors[0]).toMatchObject({ column: 'Căn cứ pháp lý' });
    const seed = { ...file.procedures[0]!, level: 'district' };
    expect(validateProcedure(seed)).toMatchObject({ ok: false, issues: [{ path: 'level' }] });
    expect(validateProcedure({ ...file.procedures[0]!, fee: { amount: 1234, textVi: 'x', textEn: 'x' } })).toMatchObject({ ok: false, issues: [{ path: 'fee.amount' }] });
  });
});

describe('agency codes (Decision 20/2020/QĐ-TTg, amended by 09/2025)', () => {
  it('accepts the four-level shape, warns on more levels', () => {
    expect(checkAgencyCode('000.00.15.H24')).toEqual({ ok: true, code: '000.00.15.H24', warning: null });
    expect(checkAgencyCode('001.000.00.15.H24')).toMatchObject({ ok: true, warning: expect.stringContaining('5 levels') });
  });
  it('refuses each wrong shape with the reason', () => {
    const reason = (c: string) => {
      const r = checkAgencyCode(c);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toContain('empty');
    expect(reason('000.00.15.h24')).toContain('capital');
    expect(reason('000.00.15 .H24')).toContain('spaces');
    expect(reason('000.00.15.Z24')).toContain('A–K');
    expect(reason('000.00.15.H2')).toContain('last level');
    expect(reason('00.00.15.H24')).toContain('Level 4');
    expect(reason('000.0.15.H24')).toContain('Level 3');
    expect(reason('00.15.H24')).toContain('four levels');
    expect(reason('000..15.H24')).toContain('one dot');
    expect(reason('000.00.15.H24/')).toContain('only digits');
  });
  it('a code is in force over office days; both on the day of a change', () => {
    const h = [
      { code: '000.00.15.H24', validFrom: '2000-01-01', validTo: '2025-07-01' },
      { code: '000.00.31.H24', validFrom: '2025-07-01', validTo: null },
    ];
    expect(codesInForceOn(h, '2025-06-30')).toEqual(['000.00.15.H24']);
    expect(codesInForceOn(h, '2025-07-01')).toEqual(['000.00.15.H24', '000.00.31.H24']);
    expect(codesInForceOn(h, '2026-12-04')).toEqual(['000.00.31.H24']);
  });
});
