// Makes the voice clips of the lobby display: assets/voice/<lang>/<clip>.ogg, one per entry of
// src/shared/domain/voiceClips.json (phrases, digits, letters, number words). The display joins
// them at run time (src/shared/domain/voiceCall.ts), so it needs nothing but these files offline.
//
//   npm run voice                 # synthesise every clip with espeak-ng (Debian: apt-get install espeak-ng)
//   npm run voice -- --only=vi    # one language
//   npm run voice -- --only=vi --keys=invite,to_counter   # only the clips whose words changed
//   npm run voice -- --from=DIR   # use real recordings where they exist: DIR/<lang>/<clip>.wav (or .flac/.ogg/.mp3)
//
// Re-recording with a real voice (recommended for an office): record each line of voiceClips.json
// as its own file, calmly, in a quiet room (any sample rate, mono or stereo), name it after its key
// (e.g. vi/invite.wav = "Mời Ông/Bà có số thứ tự", read "mời ông, bà có số thứ tự"; vi/d0.wav =
// "không"), and run with --from.
// Every clip, synthesised or recorded, goes through the same ffmpeg chain: silence trimmed at both
// ends (so joined clips flow without gaps), loudness normalised to one level (EBU R128, -16 LUFS,
// so no word is louder than the next), mono 48 kHz, Ogg Opus at 32 kbit/s (small; Chromium and
// Electron decode it natively). Commit the results: the app never synthesises at run time.
// assets/voice/texts.json records the words each clip was made from; a unit test fails when a line
// of voiceClips.json changed and its clip was not made again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const table = JSON.parse(fs.readFileSync(path.join(root, 'src/shared/domain/voiceClips.json'), 'utf8'));
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only');
const from = arg('from');
const keys = arg('keys')?.split(',').filter(Boolean);
const textsFile = path.join(root, 'assets', 'voice', 'texts.json');
const texts = fs.existsSync(textsFile) ? JSON.parse(fs.readFileSync(textsFile, 'utf8')) : {};
/** "Ông/Bà" is read "ông, bà": the slash is for the eye, the pause for the ear. */
const spoken = (text) => text.replace(/\s*\/\s*/g, ', ');
/** espeak-ng voices and speeds: Northern Vietnamese (the broadcast standard), a clear English. */
const VOICES = { vi: { voice: 'vi', speed: '135' }, en: { voice: 'en-gb', speed: '150' } };
const FILTER = [
  'silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.02',
  'areverse',
  'silenceremove=start_periods=1:start_threshold=-50dB:start_silence=0.04',
  'areverse',
  'loudnorm=I=-16:TP=-1.5:LRA=11',
].join(',');

function recorded(lang, key) {
  if (!from) return null;
  for (const ext of ['wav', 'flac', 'ogg', 'mp3']) {
    const f = path.join(from, lang, `${key}.${ext}`);
    if (fs.existsSync(f)) return f;
  }
  return null;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-voice-'));
let made = 0;
try {
  for (const [lang, clips] of Object.entries(table)) {
    if (only && only !== lang) continue;
    const outDir = path.join(root, 'assets', 'voice', lang);
    fs.mkdirSync(outDir, { recursive: true });
    for (const [key, text] of Object.entries(clips)) {
      if (keys && !keys.includes(key)) continue;
      let source = recorded(lang, key);
      if (!source) {
        source = path.join(tmp, `${lang}-${key}.wav`);
        execFileSync('espeak-ng', ['-v', VOICES[lang].voice, '-s', VOICES[lang].speed, '-w', source, spoken(text)]);
      }
      const out = path.join(outDir, `${key}.ogg`);
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', source, '-af', FILTER, '-ac', '1', '-ar', '48000', '-c:a', 'libopus', '-b:a', '32k', '-map_metadata', '-1', out]);
      (texts[lang] ??= {})[key] = text;
      made++;
    }
  }
  fs.writeFileSync(textsFile, `${JSON.stringify(texts, null, 2)}\n`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${made} clips written to assets/voice/`);
