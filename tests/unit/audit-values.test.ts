import { describe, expect, it } from 'vitest';
import { auditDetailParts, auditInstant, formatAuditInstant } from '../../src/shared/domain';

const ms = Date.parse('2026-12-04T14:05:00+07:00');

describe('audit values: instants read as times, decided in one place', () => {
  it('recognises an instant by its key and its value together', () => {
    expect(auditInstant('expiresAt', ms)).toBe(ms);
    expect(auditInstant('at', ms)).toBe(ms);
    expect(auditInstant('restored_at', ms)).toBe(ms);
    expect(auditInstant('backupTakenAt', '2026-12-04T07:05:00.000Z')).toBe(ms);
    expect(auditInstant('expires', ms)).toBe(ms);
    expect(auditInstant('lastContactTime', ms)).toBe(ms);
  });

  it('leaves alone what only looks like one: other keys, small or huge numbers, fractions, plain dates', () => {
    expect(auditInstant('size', ms)).toBeNull(); // a backup of 1.8 TB is still a size
    expect(auditInstant('format', ms)).toBeNull(); // ends in "at", but is not camelCase …At
    expect(auditInstant('repeat', 2)).toBeNull();
    expect(auditInstant('expiresAt', 42)).toBeNull();
    expect(auditInstant('expiresAt', 1e15)).toBeNull();
    expect(auditInstant('expiresAt', ms + 0.5)).toBeNull();
    expect(auditInstant('expiresAt', '1796348424319')).toBeNull();
    expect(auditInstant('updatedAt', '2026-12-04')).toBeNull();
    expect(auditInstant('updatedAt', null)).toBeNull();
  });

  it('shows dd/mm/yyyy HH:mm in office time', () => {
    expect(formatAuditInstant(ms)).toBe('04/12/2026 14:05');
    expect(formatAuditInstant(1796348424319)).toBe('04/12/2026 08:40');
  });

  it('formats a whole detail, at any depth, and keeps everything else as it was', () => {
    expect(auditDetailParts({ role: 'kiosk', name: 'Kiosk sảnh', expiresAt: 1796348424319 })).toEqual(['role: kiosk', 'name: Kiosk sảnh', 'expiresAt: 04/12/2026 08:40']);
    expect(auditDetailParts({ after: { restoredAt: ms, count: 3, on: true, list: [1, 2] }, before: null })).toEqual(['after: {restoredAt: 04/12/2026 14:05, count: 3, on: true, list: [1, 2]}', 'before: null']);
    expect(auditDetailParts({ backupTakenAt: '2026-12-04T07:05:00.000Z', replacedStoreKeptIn: null })).toEqual(['backupTakenAt: 04/12/2026 14:05', 'replacedStoreKeptIn: null']);
  });
});
