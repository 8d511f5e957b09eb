import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAMERA_TOOLS, probeTools, requireCameraTools } from '../helpers/toolProbe';

/**
 * The camera-frame helper's tool probe, against real programs on a PATH the
 * test makes: a folder holding scripts it writes. The point is the message a
 * person reads on a fresh machine, not faking ImageMagick.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A folder of executable shell scripts, each printing the given text. */
function binDir(scripts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-probe-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(scripts)) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\necho '${text}'\n`, { mode: 0o755 });
  }
  return dir;
}
const env = (dir: string) => ({ PATH: dir });

describe('camera-frame tool probe', () => {
  it('names the Debian package when `convert` is a stand-in', async () => {
    const dir = binDir({
      convert: 'convert: turns PNG into PPM, nothing else',
      ffmpeg: 'ffmpeg version 5.1 Copyright (c) the FFmpeg developers',
      pdftoppm: 'pdftoppm version 22.12.0',
    });
    const line = await probeTools(CAMERA_TOOLS, env(dir));
    expect(line).toBe('ImageMagick is missing (apt-get install imagemagick): `convert` here is not ImageMagick');
  });

  it('names every missing program in one line', async () => {
    const dir = binDir({ convert: 'Version: ImageMagick 6.9.11-60 Q16' });
    const line = await probeTools(CAMERA_TOOLS, env(dir));
    expect(line).toBe('ffmpeg is missing (apt-get install ffmpeg): no `ffmpeg` on PATH; pdftoppm is missing (apt-get install poppler-utils): no `pdftoppm` on PATH');
    expect(line).not.toContain('\n');
  });

  it('a program that fails is not the real one', async () => {
    const dir = binDir({ convert: 'Version: ImageMagick 6.9', ffmpeg: 'ffmpeg version 5.1', pdftoppm: 'pdftoppm version 22' });
    fs.writeFileSync(path.join(dir, 'ffmpeg'), '#!/bin/sh\necho "ffmpeg: not found" >&2\nexit 127\n', { mode: 0o755 });
    expect(await probeTools(CAMERA_TOOLS, env(dir))).toBe('ffmpeg is missing (apt-get install ffmpeg): `ffmpeg` here is not ffmpeg');
  });

  it('accepts programs that name themselves (pdftoppm answers on stderr)', async () => {
    const dir = binDir({ convert: 'Version: ImageMagick 6.9.11-60 Q16', ffmpeg: 'ffmpeg version 5.1' });
    fs.writeFileSync(path.join(dir, 'pdftoppm'), "#!/bin/sh\necho 'pdftoppm version 22.12.0' >&2\n", { mode: 0o755 });
    expect(await probeTools(CAMERA_TOOLS, env(dir))).toBeNull();
  });

  it('the helper probes once per process', async () => {
    const first = requireCameraTools();
    expect(requireCameraTools()).toBe(first);
    // Whether this machine has the tools is not this test's question.
    await first.catch(() => undefined);
  });
});
