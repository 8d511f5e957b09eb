import { execFile } from 'node:child_process';

/**
 * The command-line tools the camera-frame helper drives, each with the Debian
 * package that provides it and how to know the real program: it names itself
 * in its version line. A fresh machine can have a stand-in answering to the
 * name (Windows ships a `convert` that formats disks; some images carry one
 * that only turns PNG into PPM), and it then fails later with a stack of
 * command errors that say nothing about what to install.
 */
export interface Tool {
  command: string;
  product: string;
  pkg: string;
  args: string[];
  /** Matched against stdout + stderr of `command args` (pdftoppm prints its version on stderr). */
  names: RegExp;
}

export const CAMERA_TOOLS: readonly Tool[] = [
  { command: 'convert', product: 'ImageMagick', pkg: 'imagemagick', args: ['-version'], names: /ImageMagick/ },
  { command: 'ffmpeg', product: 'ffmpeg', pkg: 'ffmpeg', args: ['-version'], names: /^ffmpeg version/m },
  { command: 'pdftoppm', product: 'pdftoppm', pkg: 'poppler-utils', args: ['-v'], names: /^pdftoppm version/m },
];

/** Runs the program and collects what it says; never throws (a missing program is an answer too). */
function answer(tool: Tool, env: NodeJS.ProcessEnv): Promise<{ missing: boolean; text: string }> {
  return new Promise((resolve) => {
    // Node looks the command up in env.PATH when env is given, so a test can point PATH at its own folder.
    execFile(tool.command, tool.args, { env, timeout: 10_000 }, (err, stdout, stderr) => {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      resolve({ missing: code === 'ENOENT' || code === 'EACCES', text: `${stdout}\n${stderr}` });
    });
  });
}

/** What is wrong with one tool, as a clause of the one line shown; null when it is the real program. */
async function problem(tool: Tool, env: NodeJS.ProcessEnv): Promise<string | null> {
  const { missing, text } = await answer(tool, env);
  if (!missing && tool.names.test(text)) return null;
  const why = missing ? `no \`${tool.command}\` on PATH` : `\`${tool.command}\` here is not ${tool.product}`;
  return `${tool.product} is missing (apt-get install ${tool.pkg}): ${why}`;
}

/** Checks every tool; resolves with one line naming each missing package, or null when all are real. */
export async function probeTools(tools: readonly Tool[], env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const problems = (await Promise.all(tools.map((t) => problem(t, env)))).filter((p): p is string => p !== null);
  return problems.length ? problems.join('; ') : null;
}

let cameraTools: Promise<void> | undefined;
/** Once per process: the camera-frame helper's tools are the real ones, or one clear error. */
export function requireCameraTools(): Promise<void> {
  cameraTools ??= probeTools(CAMERA_TOOLS).then((line) => {
    if (line) throw new Error(line);
  });
  return cameraTools;
}
