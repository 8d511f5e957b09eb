import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One form of address for citizens in Vietnamese: "Ông/Bà" (as in the legal forms). The forms
 * the project used before ("bạn", "quý khách", "quý công dân") must not come back, in any
 * Vietnamese resource, in what is printed (ticket, receipt, slips, test page), in what the lobby
 * hears, or in text written straight into a screen. New catalogues (<area>.vi.json) are found by
 * name, so a file added later is scanned too.
 */
const FORBIDDEN = /(?<![\p{L}\p{M}])(bạn|q(?:uý|úy) khách|q(?:uý|úy) công dân)(?![\p{L}\p{M}])/giu;

function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(f, keep) : keep(f) ? [f] : [];
  });
}

const vietnameseResources = filesUnder('src/shared/i18n', (f) => /(^|[./])vi\.json$/.test(path.basename(f)));
const printedAndSpoken = [
  ...filesUnder('src/main/services/documents', (f) => f.endsWith('.ts')),
  'src/main/printing/test-page.ts',
  'src/shared/domain/voiceClips.json',
  'assets/voice/texts.json',
];
const screens = filesUnder('src/renderer', (f) => f.endsWith('.tsx'));

function hits(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').normalize('NFC');
  return text.split('\n').flatMap((line, i) => [...line.matchAll(FORBIDDEN)].map((m) => `${file}:${i + 1}: “${m[0]}” in ${line.trim().slice(0, 120)}`));
}

describe('citizens are addressed as "Ông/Bà" in Vietnamese', () => {
  it('finds the resources it scans (the scan is not vacuous)', () => {
    expect(vietnameseResources).toContain(path.join('src/shared/i18n', 'vi.json'));
    expect(vietnameseResources).toContain(path.join('src/shared/i18n', 'scan.vi.json'));
    expect(vietnameseResources).toContain(path.join('src/shared/i18n', 'supervisor.vi.json'));
    expect(vietnameseResources.some((f) => f.endsWith('en.json'))).toBe(false);
    expect(printedAndSpoken.every((f) => fs.existsSync(f))).toBe(true);
    expect(screens.length).toBeGreaterThan(10);
  });
  it('the pattern matches whole words in any case and either tone placement, and nothing else', () => {
    const found = (s: string) => [...s.normalize('NFC').matchAll(FORBIDDEN)].map((m) => m[0]);
    expect(found('Mời bạn nhận vé')).toEqual(['bạn']);
    expect(found('BẠN là người tiếp theo; Bạn còn 4 lần')).toEqual(['BẠN', 'Bạn']);
    expect(found('Xin cảm ơn Quý Khách! qúy khách')).toEqual(['Quý Khách', 'qúy khách']);
    expect(found('Xin chào quý công dân'.normalize('NFD'))).toEqual(['quý công dân']);
    expect(found('bạnh, Mời Ông/Bà, công dân, ban, bàn')).toEqual([]);
  });
  it('no Vietnamese resource uses the old forms', () => {
    expect(vietnameseResources.flatMap(hits)).toEqual([]);
  });
  it('nothing printed or spoken uses them', () => {
    expect(printedAndSpoken.flatMap(hits)).toEqual([]);
  });
  it('no screen has them written into its code', () => {
    expect(screens.flatMap(hits)).toEqual([]);
  });
  it('the voice call invites "Ông/Bà", and the clip on disk was made from the words in the table', async () => {
    const clips = (await import('../../src/shared/domain/voiceClips.json')).default as Record<string, Record<string, string>>;
    const madeFrom = JSON.parse(fs.readFileSync('assets/voice/texts.json', 'utf8')) as Record<string, Record<string, string>>;
    expect(clips.vi!.invite).toBe('Mời Ông/Bà có số thứ tự');
    // A line of voiceClips.json changed without `npm run voice -- --keys=<clip>` leaves the old words here.
    expect(madeFrom).toEqual(clips);
  });
});
