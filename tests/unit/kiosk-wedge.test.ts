import { describe, expect, it } from 'vitest';
import { WedgeDetector } from '../../src/renderer/kiosk/citizen/wedge';
import { composeCode } from '../../src/renderer/kiosk/citizen/CitizenScreens';
import { normaliseTypedSecret, parseLookupInput, proofMatches } from '../../src/shared/domain';
import { procedurePageUrl } from '../../src/shared/api';

/** Feeds `text` then Enter with `gap` ms between keys (a list of gaps cycles). */
function feed(d: WedgeDetector, text: string, gaps: number | number[], start = 1000): (string | null)[] {
  const g = Array.isArray(gaps) ? gaps : [gaps];
  let t = start;
  const out: (string | null)[] = [];
  [...text, 'Enter'].forEach((k, i) => {
    t += g[i % g.length]!;
    out.push(d.key(k === 'Enter' ? 'Enter' : k, t));
  });
  return out;
}

describe('wedge scanner', () => {
  const payload = 'MCK1:000.00.15.H24-261123-0042:K7Q2X9';
  it('a burst ending in Enter is a scan; slow typing is not', () => {
    expect(feed(new WedgeDetector(), payload, 8).at(-1)).toBe(payload);
    expect(feed(new WedgeDetector(), payload, 120).at(-1)).toBeNull();
  });
  it('one late key on a busy PC does not lose the scan, a pause does', () => {
    expect(feed(new WedgeDetector(), payload, [5, 5, 5, 5, 5, 5, 5, 5, 5, 180]).at(-1)).toBe(payload);
    expect(feed(new WedgeDetector(), payload, [5, 5, 5, 400]).at(-1)).not.toBe(payload);
  });
  it('short bursts (a key mashed) and Enter alone are nothing; the next scan starts clean', () => {
    const d = new WedgeDetector();
    expect(feed(d, 'abc', 5).at(-1)).toBeNull();
    expect(d.key('Enter', 5000)).toBeNull();
    expect(feed(d, payload, 5, 9000).at(-1)).toBe(payload);
  });
});

describe('kiosk look-up rules', () => {
  it('parses what the camera, the scanner and the keypad give', () => {
    expect(parseLookupInput('MCK1:000.00.15.H24-261123-0042:K7Q2X9')).toEqual({ ok: true, code: '000.00.15.H24-261123-0042', secret: 'K7Q2X9' });
    expect(parseLookupInput(' 000.00.15.h24-261123-0042 ')).toEqual({ ok: true, code: '000.00.15.H24-261123-0042', secret: null });
    expect(parseLookupInput('8935049500155')).toEqual({ ok: false });
    expect(parseLookupInput('MCK1:000.00.15.H24-261123-0042:bad!')).toEqual({ ok: false });
    expect(composeCode('000.00.15.H24', '2611230042')).toBe('000.00.15.H24-261123-0042');
  });
  it('a proof is the phone’s last 4 digits or the secret typed from paper', () => {
    const d = { secret: 'K7Q201', phone: '0912345678' };
    expect(proofMatches({ kind: 'phone_last4', value: '5678' }, d)).toBe(true);
    expect(proofMatches({ kind: 'phone_last4', value: '567' }, d)).toBe(false);
    expect(proofMatches({ kind: 'secret', value: 'k7q2oi' }, d)).toBe(true);
    expect(normaliseTypedSecret(' k7q2ol ')).toBe('K7Q201');
    expect(proofMatches({ kind: 'secret', value: 'K7Q202' }, d)).toBe(false);
  });
  it('the procedure page for a phone', () => {
    expect(procedurePageUrl('https://dvc.example.vn/thu-tuc/', '1.001193')).toBe('https://dvc.example.vn/thu-tuc/1.001193');
    expect(procedurePageUrl('', '1.001193')).toBeNull();
  });
});
