/**
 * Reads the Electron shell's source with the TypeScript compiler to check what
 * cannot be checked by running it here (no Electron runtime on our machines):
 * the webPreferences every window is made with, and the preload's shape.
 * Electronegativity (electron-audit.test.ts) checks part of the same from the
 * outside; these cover the rest of CHECKLISTS.md "Electron".
 */
import ts from 'typescript';

/** Each security setting and the one literal value it must have, written out in the window's webPreferences. */
export const REQUIRED_WEB_PREFERENCES: Readonly<Record<string, boolean | string>> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
  safeDialogs: true,
  spellcheck: false,
};
/** Settings that are not about security and may be computed. Any other key needs a review (add it above or here). */
export const FREE_WEB_PREFERENCES = ['preload', 'partition', 'devTools', 'autoplayPolicy'] as const;

/** Things that make a window or a view; each must be made once, with the settings above. */
const WINDOW_CLASSES = ['BrowserWindow', 'BrowserView', 'WebContentsView', 'BaseWindow'];

function parse(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

function propName(p: ts.ObjectLiteralElementLike): string | null {
  if (!p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return null;
}

function literalValue(e: ts.Expression): boolean | string | undefined {
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  return undefined;
}

/**
 * Problems with the windows the given files make: exactly one `new BrowserWindow(...)`, nothing
 * else that makes a window or a view, and its webPreferences an object written out in place
 * (no spread, no variable) holding each required setting as a literal. Empty = all right.
 */
export function webPreferencesProblems(files: Record<string, string>): string[] {
  const problems: string[] = [];
  const made: { file: string; node: ts.NewExpression; cls: string }[] = [];
  for (const [file, text] of Object.entries(files)) {
    walk(parse(file, text), (n) => {
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && WINDOW_CLASSES.includes(n.expression.text)) made.push({ file, node: n, cls: n.expression.text });
    });
  }
  const windows = made.filter((m) => m.cls === 'BrowserWindow');
  for (const m of made.filter((x) => x.cls !== 'BrowserWindow')) problems.push(`${m.file}: new ${m.cls}(...) — every window is made in one place, with the checked settings`);
  if (windows.length !== 1) problems.push(`expected one new BrowserWindow(...), found ${windows.length}${windows.length ? ` (${windows.map((w) => w.file).join(', ')})` : ''}`);
  for (const { file, node } of windows) {
    const arg = node.arguments?.[0];
    if (!arg || !ts.isObjectLiteralExpression(arg)) {
      problems.push(`${file}: new BrowserWindow takes its options written out in place`);
      continue;
    }
    const wp = arg.properties.find((p) => propName(p) === 'webPreferences');
    if (!wp || !ts.isPropertyAssignment(wp) || !ts.isObjectLiteralExpression(wp.initializer)) {
      problems.push(`${file}: webPreferences must be an object written out in new BrowserWindow({...})`);
      continue;
    }
    if (arg.properties.some((p) => ts.isSpreadAssignment(p))) problems.push(`${file}: a spread in the window options could override webPreferences`);
    const seen = new Map<string, ts.Expression>();
    for (const p of wp.initializer.properties) {
      if (ts.isSpreadAssignment(p)) {
        problems.push(`${file}: a spread in webPreferences hides what it sets`);
        continue;
      }
      const name = propName(p);
      if (!name || !ts.isPropertyAssignment(p)) {
        problems.push(`${file}: webPreferences entry "${p.getText()}" is not a plain key: value`);
        continue;
      }
      if (seen.has(name)) problems.push(`${file}: webPreferences sets ${name} twice`);
      seen.set(name, p.initializer);
    }
    for (const [key, want] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
      const e = seen.get(key);
      if (!e) problems.push(`${file}: webPreferences.${key} is not set (want ${JSON.stringify(want)})`);
      else if (literalValue(e) !== want) problems.push(`${file}: webPreferences.${key} is ${e.getText()} (want ${JSON.stringify(want)})`);
    }
    for (const key of seen.keys()) {
      if (!(key in REQUIRED_WEB_PREFERENCES) && !(FREE_WEB_PREFERENCES as readonly string[]).includes(key)) problems.push(`${file}: webPreferences.${key} is not reviewed`);
    }
  }
  return problems;
}

/**
 * Problems with the preload: one `contextBridge.exposeInMainWorld('motcua', <object>)`, and every
 * function of that object is `(args) => ipcRenderer.invoke(BRIDGE_CHANNELS.<its own name>, args)`;
 * `ipcRenderer` is used for nothing else (not exposed, no send/sendSync/on).
 */
export function preloadProblems(text: string, expected: readonly string[]): string[] {
  const problems: string[] = [];
  const sf = parse('preload.ts', text);
  const objects = new Map<string, ts.ObjectLiteralExpression>();
  const exposed: ts.CallExpression[] = [];
  walk(sf, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isObjectLiteralExpression(n.initializer)) objects.set(n.name.text, n.initializer);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText() === 'contextBridge' && n.expression.name.text === 'exposeInMainWorld') exposed.push(n);
    if (ts.isIdentifier(n) && n.text === 'ipcRenderer' && !ts.isImportSpecifier(n.parent)) {
      const use = n.parent;
      if (!ts.isPropertyAccessExpression(use) || use.name.text !== 'invoke' || !ts.isCallExpression(use.parent) || use.parent.expression !== use) {
        problems.push(`ipcRenderer used other than ipcRenderer.invoke(...): ${use.getText().slice(0, 80)}`);
      }
    }
  });
  if (exposed.length !== 1) return [...problems, `expected one contextBridge.exposeInMainWorld, found ${exposed.length}`];
  const [key, value] = exposed[0]!.arguments;
  if (!key || !ts.isStringLiteral(key) || key.text !== 'motcua') problems.push('the bridge is exposed as window.motcua');
  const bridge = value && ts.isIdentifier(value) ? objects.get(value.text) : value && ts.isObjectLiteralExpression(value) ? value : undefined;
  if (!bridge) return [...problems, 'the exposed bridge must be an object literal in the preload'];
  const names: string[] = [];
  for (const p of bridge.properties) {
    const name = propName(p);
    if (!name || !ts.isPropertyAssignment(p) || !ts.isArrowFunction(p.initializer)) {
      problems.push(`bridge entry ${p.getText().slice(0, 60)} is not name: (args) => ipcRenderer.invoke(...)`);
      continue;
    }
    names.push(name);
    const fn = p.initializer;
    const call = fn.body;
    const params = fn.parameters.map((x) => x.name.getText());
    const ok =
      ts.isCallExpression(call) &&
      call.expression.getText() === 'ipcRenderer.invoke' &&
      call.arguments[0]?.getText() === `BRIDGE_CHANNELS.${name}` &&
      call.arguments.slice(1).map((a) => a.getText()).join(',') === params.join(',');
    if (!ok) problems.push(`bridge.${name} must be one ipcRenderer.invoke(BRIDGE_CHANNELS.${name}, ...its arguments): ${fn.getText().slice(0, 100)}`);
  }
  if ([...names].sort().join(',') !== [...expected].sort().join(',')) problems.push(`the bridge has ${names.sort().join(', ')}; expected ${[...expected].sort().join(', ')}`);
  return problems;
}
