import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcementClips, callClips, englishNumber, VOICE_CLIPS, vietnameseNumber } from '../../src/shared/domain';
import { VoiceQueue } from '../../src/renderer/display/voiceQueue';

describe('the clips of a call', () => {
  it('Vietnamese: the ticket digit by digit, the counter as a number', () => {
    expect(callClips('A023', 5, 'vi')).toEqual(['vi/invite', 'vi/l_a', 'vi/d0', 'vi/d2', 'vi/d3', 'vi/to_counter', 'vi/d5']);
    expect(callClips('BC107', 12, 'vi')).toEqual(['vi/invite', 'vi/l_b', 'vi/l_c', 'vi/d1', 'vi/d0', 'vi/d7', 'vi/to_counter', 'vi/muoi_10', 'vi/d2']);
  });
  it('English: "Ticket number A zero two three, please go to counter five"', () => {
    expect(callClips('A023', 5, 'en')).toEqual(['en/invite', 'en/l_a', 'en/d0', 'en/d2', 'en/d3', 'en/to_counter', 'en/d5']);
    expect(callClips('D100', 21, 'en')).toEqual(['en/invite', 'en/l_d', 'en/d1', 'en/d0', 'en/d0', 'en/to_counter', 'en/t20', 'en/d1']);
  });
  it('reads counter numbers the Vietnamese way: mười, mươi, mốt, lăm, linh', () => {
    const say = (n: number) => vietnameseNumber(n).map((w) => VOICE_CLIPS.vi[w]).join(' ');
    expect(say(1)).toBe('một');
    expect(say(10)).toBe('mười');
    expect(say(11)).toBe('mười một');
    expect(say(15)).toBe('mười lăm');
    expect(say(20)).toBe('hai mươi');
    expect(say(21)).toBe('hai mươi mốt');
    expect(say(25)).toBe('hai mươi lăm');
    expect(say(34)).toBe('ba mươi bốn');
    expect(say(105)).toBe('một trăm linh năm');
    expect(say(110)).toBe('một trăm mười');
    expect(say(999)).toBe('chín trăm chín mươi chín');
    expect(() => vietnameseNumber(0)).toThrow(RangeError);
    expect(() => vietnameseNumber(1000)).toThrow(RangeError);
  });
  it('reads counter numbers in English words', () => {
    const say = (n: number) => englishNumber(n).map((w) => VOICE_CLIPS.en[w]).join(' ');
    expect(say(7)).toBe('seven');
    expect(say(13)).toBe('thirteen');
    expect(say(40)).toBe('forty');
    expect(say(99)).toBe('ninety nine');
    expect(say(305)).toBe('three hundred five');
  });
  it('repeats the whole call, each language in turn, with a pause between parts', () => {
    const a = announcementClips('A1', 2, 'vi_en', 2);
    const parts: string[][] = [[]];
    for (const c of a) if (c === null) parts.push([]); else parts[parts.length - 1]!.push(c);
    expect(parts).toEqual([callClips('A1', 2, 'vi'), callClips('A1', 2, 'en'), callClips('A1', 2, 'vi'), callClips('A1', 2, 'en')]);
    expect(announcementClips('A1', 2, 'en', 1)).toEqual(callClips('A1', 2, 'en'));
  });
  it('refuses what is not a ticket number', () => {
    expect(() => callClips('023', 1, 'vi')).toThrow(RangeError);
    expect(() => callClips('ABC12', 1, 'vi')).toThrow(RangeError);
  });
  it('every clip a call can use is shipped in assets/voice, and every prefix letter and counter 1–999 is covered', () => {
    const missing = new Set<string>();
    for (const lang of ['vi', 'en'] as const) {
      for (const l of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const digits of ['0123', '4567', '89']) for (const id of callClips(`Z${l}${digits}`, 1, lang)) missing.add(id);
      for (let n = 1; n <= 999; n++) for (const id of callClips('A1', n, lang)) missing.add(id);
      for (const key of Object.keys(VOICE_CLIPS[lang])) missing.add(`${lang}/${key}`);
    }
    const absent = [...missing].filter((id) => !fs.existsSync(path.join('assets/voice', `${id}.ogg`)));
    expect(absent).toEqual([]);
  });
});

/** A fake player: each call takes `ms` of fake time; the log shows starts and ends. */
function fakePlayer(durations: Record<string, number> = {}) {
  const log: string[] = [];
  let playing = 0;
  let maxConcurrent = 0;
  const pending: (() => void)[] = [];
  const play = (item: string) =>
    new Promise<boolean>((resolve) => {
      playing++;
      maxConcurrent = Math.max(maxConcurrent, playing);
      log.push(`start ${item}`);
      pending.push(() => {
        playing--;
        log.push(`end ${item}`);
        resolve(durations[item] !== -1);
      });
    });
  /** Ends the call being played, then lets the queue start the next. */
  const finish = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { log, play, finish, get maxConcurrent() { return maxConcurrent; } };
}

describe('the voice queue', () => {
  it('speaks calls one at a time, in the order they came', async () => {
    const p = fakePlayer();
    const hooks: string[] = [];
    const q = new VoiceQueue<string>(p.play, { onStart: (c) => hooks.push(`+${c}`), onEnd: (c) => hooks.push(`-${c}`) });
    q.enqueue('A001@1', 'A001@1');
    q.enqueue('B002@2', 'B002@2');
    q.enqueue('C003@3', 'C003@3');
    expect(q.speaking).toBe('A001@1');
    expect(q.waiting).toBe(2);
    await p.finish();
    expect(q.speaking).toBe('B002@2');
    await p.finish();
    await p.finish();
    expect(p.log).toEqual(['start A001@1', 'end A001@1', 'start B002@2', 'end B002@2', 'start C003@3', 'end C003@3']);
    expect(p.maxConcurrent).toBe(1);
    expect(hooks).toEqual(['+A001@1', '-A001@1', '+B002@2', '-B002@2', '+C003@3', '-C003@3']);
    expect(q.speaking).toBeNull();
  });
  it('a call arriving while another is spoken waits for it to end', async () => {
    const p = fakePlayer();
    const q = new VoiceQueue<string>(p.play);
    q.enqueue('A001', 'A001');
    q.enqueue('A002', 'A002');
    expect(p.log).toEqual(['start A001']);
    await p.finish();
    q.enqueue('A003', 'A003');
    expect(p.log).toEqual(['start A001', 'end A001', 'start A002']);
    await p.finish();
    await p.finish();
    expect(p.log.slice(-2)).toEqual(['start A003', 'end A003']);
    expect(p.maxConcurrent).toBe(1);
  });
  it('merges an identical call still waiting, but speaks a recall after the first call', async () => {
    const p = fakePlayer();
    const q = new VoiceQueue<string>(p.play);
    q.enqueue('A001 first', 'A001@1');
    q.enqueue('A002', 'A002@2');
    q.enqueue('A002 again', 'A002@2');
    q.enqueue('A001 recall', 'A001@1');
    expect(q.waiting).toBe(2);
    for (let i = 0; i < 3; i++) await p.finish();
    expect(p.log.filter((l) => l.startsWith('start'))).toEqual(['start A001 first', 'start A002', 'start A001 recall']);
  });
  it('drops the oldest waiting calls beyond its limit, never the one being spoken', async () => {
    const p = fakePlayer();
    const q = new VoiceQueue<string>(p.play, {}, 2);
    for (const n of ['1', '2', '3', '4', '5']) q.enqueue(n, n);
    expect(q.waiting).toBe(2);
    for (let i = 0; i < 3; i++) await p.finish();
    expect(p.log.filter((l) => l.startsWith('start'))).toEqual(['start 1', 'start 4', 'start 5']);
  });
  it('goes on after a call that could not be played, and reports it as not spoken', async () => {
    const ended: [string, boolean][] = [];
    const q = new VoiceQueue<string>(async (c) => {
      if (c === 'bad') throw new Error('decode failed');
      return c !== 'blocked';
    }, { onEnd: (c, spoken) => ended.push([c, spoken]) });
    q.enqueue('bad', 'bad');
    q.enqueue('blocked', 'blocked');
    q.enqueue('ok', 'ok');
    await new Promise((r) => setTimeout(r, 5));
    expect(ended).toEqual([
      ['bad', false],
      ['blocked', false],
      ['ok', true],
    ]);
  });
  it('lists the calls still waiting for their voice, and a call leaves the list as it starts', async () => {
    const p = fakePlayer();
    const seen: string[][] = [];
    const q: VoiceQueue<string> = new VoiceQueue<string>(p.play, { onStart: () => seen.push(q.waitingItems) });
    q.enqueue('A001@4', 'A001@4');
    q.enqueue('B001@1', 'B001@1');
    q.enqueue('C001@2', 'C001@2');
    expect(q.waitingItems).toEqual(['B001@1', 'C001@2']);
    await p.finish();
    expect(q.waitingItems).toEqual(['C001@2']);
    await p.finish();
    expect(seen).toEqual([[], ['C001@2'], []]);
  });
  it('takes no calls after dispose', async () => {
    const p = fakePlayer();
    const q = new VoiceQueue<string>(p.play);
    q.enqueue('1', '1');
    q.enqueue('2', '2');
    q.dispose();
    q.enqueue('3', '3');
    await p.finish();
    expect(p.log).toEqual(['start 1', 'end 1']);
  });
});
