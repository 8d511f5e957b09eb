import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestHub, type TestHub } from '../helpers/hub';
import { launchChromium } from '../helpers/browser';

/**
 * Large text ("Aa") must reflow, not overflow: at 1080×1920 and 1920×1080, in Vietnamese and
 * English, every kiosk screen has no inner scroll box, nothing wider than the window, every
 * button reachable by scrolling the page and not covered by another, and the ticket number
 * inside its card. The same checks run in normal text. Every state is saved as a screenshot
 * (test-results/kiosk-large-*.png); the page is scrolled to the bottom for a second one when it
 * is taller than the window.
 */
let hub: TestHub;
let browser: Browser;
let token: string;
let qr: string;
let code: string;

beforeAll(async () => {
  hub = await startTestHub();
  const clerk = await hub.login(...DEMO.clerk1);
  const r = await hub.api('POST', '/dossiers', {
    token: clerk,
    body: {
      procedureCode: '1.001022',
      applicant: { fullName: 'Nguyễn Văn An', idType: 'cccd', idNumber: '001090012345', phone: '0912 345 678', email: null, address: 'Số 1 phố Huế, Hà Nội' },
      documents: [{ nameVi: 'Tờ khai đăng ký nhận cha, mẹ, con', originals: 1, certifiedCopies: 0, photocopies: 0, received: true }],
      sets: 1,
      feeCollected: 0,
      resultDelivery: 'counter',
      notes: '',
    },
  });
  expect(r.status).toBe(200);
  code = r.body.code;
  qr = `MCK1:${code}:${r.body.secret}`;
  // Long enough that nothing goes back to the attract screen while a test looks.
  const admin = await hub.login();
  expect((await hub.api('PUT', '/admin/kiosk-settings', { token: admin, body: { idleSeconds: 600, procedureBaseUrl: '' } })).status).toBe(200);
  token = await hub.pairDevice('kiosk', 'Kiosk chữ to');
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

type Size = { width: number; height: number };
const SIZES: Size[] = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
];

/** What is wrong with the layout as the citizen sees it; [] when nothing is. Runs in the page. */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const vw = document.documentElement.clientWidth;
  const docH = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
  const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.textContent ? ` “${el.textContent.trim().slice(0, 30)}”` : ''}`;
  const root = document.querySelector('.kiosk');
  if (!root) return ['no .kiosk'];
  if (document.documentElement.scrollWidth > vw + 1) problems.push(`page wider than the window: ${document.documentElement.scrollWidth} > ${vw}`);
  for (const el of root.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const h = el as HTMLElement;
    // An inner scroll box: content taller (or wider) than the box, which scrolls or cuts it.
    const scrollsY = /(auto|scroll)/.test(cs.overflowY) && h.scrollHeight > h.clientHeight + 2;
    const scrollsX = /(auto|scroll)/.test(cs.overflowX) && h.scrollWidth > h.clientWidth + 2;
    if (scrollsY || scrollsX) problems.push(`inner scrolling in ${name(el)}: ${h.scrollWidth}×${h.scrollHeight} in ${h.clientWidth}×${h.clientHeight}`);
    if (el.matches('button, .kiosk-ticket__number, .kiosk-ticket__card, li')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const top = r.top + window.scrollY;
      if (r.left < -1 || r.right > vw + 1) problems.push(`${name(el)} outside the window sideways: ${Math.round(r.left)}–${Math.round(r.right)} of ${vw}`);
      if (top < -1 || top + r.height > docH + 1) problems.push(`${name(el)} beyond the page: ${Math.round(top)}–${Math.round(top + r.height)} of ${docH}`);
    }
  }
  // Not covered: the topmost element at the centre of each button is the button (or inside it).
  for (const b of root.querySelectorAll('button')) {
    const cs = getComputedStyle(b);
    if (cs.display === 'none' || cs.visibility === 'hidden' || b.closest('[aria-hidden="true"]')) continue;
    b.scrollIntoView({ block: 'center', inline: 'center' });
    const r = b.getBoundingClientRect();
    if (r.width === 0) continue;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(b === hit || b.contains(hit))) problems.push(`${name(b)} is covered by ${hit ? name(hit) : 'nothing (off screen)'}`);
    // Cut: a button's own text must fit in it.
    if (b.scrollWidth > b.clientWidth + 2) problems.push(`${name(b)} text cut sideways: ${b.scrollWidth} > ${b.clientWidth}`);
  }
  // The ticket number: its box inside its card, its glyphs inside its box.
  const num = document.querySelector<HTMLElement>('.kiosk-ticket__number');
  const card = document.querySelector<HTMLElement>('.kiosk-ticket__card');
  if (num && card) {
    const n = num.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    if (n.width > c.width + 1 || n.left < c.left - 1 || n.right > c.right + 1) problems.push(`ticket number ${Math.round(n.width)} px wide in a ${Math.round(c.width)} px card`);
    if (num.scrollWidth > num.clientWidth + 2) problems.push(`ticket number cut: ${num.scrollWidth} > ${num.clientWidth}`);
  }
  window.scrollTo(0, 0);
  return problems;
}

/** Service tiles in one column (large text) or any (normal): their distinct left edges. */
const tileColumns = (page: Page) => page.$$eval('.kiosk-service', (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().left))).size);

async function open(size: Size, lang: 'vi' | 'en', large: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: size });
  await context.addInitScript((l) => window.localStorage.setItem('motcua.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${hub.url}/kiosk#device=${token}`);
  await page.locator('.kiosk-service').first().waitFor();
  if (large) {
    await page.getByRole('button', { name: lang === 'vi' ? 'Chữ to' : 'Large text' }).click();
    await page.locator('.kiosk--large').waitFor();
  }
  return page;
}

async function check(page: Page, shot: string) {
  await page.evaluate(() => document.fonts.ready);
  const problems = await page.evaluate(layoutProblems);
  await page.screenshot({ path: `test-results/kiosk-large-${shot}.png`, animations: 'disabled' });
  const tall = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
  if (tall) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.screenshot({ path: `test-results/kiosk-large-${shot}-bottom.png`, animations: 'disabled' });
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  expect(problems, shot).toEqual([]);
}

const T = {
  vi: { secret: 'Mã xác minh trên giấy hẹn', search: 'Tìm thủ tục', more: 'Xem thêm bên dưới', done: 'Xong', back: 'Quay lại', typeCode: 'Nhập mã hồ sơ', procedures: 'Tra cứu thủ tục', priority: 'Dành cho người được ưu tiên', service: /Chứng thực/, field: /Hộ tịch/ },
  en: { secret: 'Verification code on the receipt', search: 'Search', more: 'More below', done: 'Done', back: 'Back', typeCode: 'Type the dossier code', procedures: 'Browse procedures', priority: 'Priority service', service: /Authentication/, field: /Civil status/ },
} as const;

describe.each(SIZES)('kiosk at $width×$height', (size) => {
  for (const lang of ['vi', 'en'] as const) {
    for (const large of [false, true]) {
      const tag = `${size.width}x${size.height}-${lang}-${large ? 'large' : 'normal'}`;
      it(`${lang}, ${large ? 'large' : 'normal'} text: start, priority, ticket, status, keypad, procedures`, async () => {
        const t = T[lang];
        const page = await open(size, lang, large);
        await check(page, `${tag}-start`);
        if (large) expect(await tileColumns(page), 'one column of services').toBe(1);
        // Taller than the window: a button says there is more, and takes the citizen there.
        const tall = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 24);
        expect(await page.getByRole('button', { name: t.more }).count()).toBe(tall ? 1 : 0);
        if (tall) {
          await page.getByRole('button', { name: t.more }).click();
          await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
          await page.evaluate(() => window.scrollTo(0, 0));
        }

        await page.getByRole('button', { name: t.priority }).click();
        await page.locator('.kiosk-reason').first().waitFor();
        await check(page, `${tag}-priority`);
        await page.locator('.kiosk-reason').first().click();
        await page.locator('.kiosk-prio-ribbon').waitFor();
        await check(page, `${tag}-priority-start`);
        await page.getByRole('button', { name: t.service }).click();
        await page.locator('.kiosk-ticket__number').waitFor();
        // The tile was low on a scrolled page; the ticket screen starts at its top.
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.locator('.kiosk-ticket__print:not(.kiosk-ticket__print--printing)').waitFor();
        await check(page, `${tag}-ticket`);
        await page.getByRole('button', { name: t.done, exact: true }).click();
        await page.locator('.kiosk-service').first().waitFor();

        await page.keyboard.type(qr, { delay: 2 });
        await page.keyboard.press('Enter');
        await page.getByText(code, { exact: true }).first().waitFor();
        await check(page, `${tag}-status`);
        await page.getByRole('button', { name: t.done, exact: true }).click();
        await page.locator('.kiosk-service').first().waitFor();

        // The code alone (Code 128 or typed): the limited view, then the secret's keypad.
        await page.keyboard.type(code, { delay: 2 });
        await page.keyboard.press('Enter');
        await page.getByRole('button', { name: t.secret }).click();
        await check(page, `${tag}-verify`);
        await page.getByRole('button', { name: t.done, exact: true }).click();
        await page.locator('.kiosk-service').first().waitFor();

        await page.getByRole('button', { name: t.typeCode }).click();
        await page.locator('.keypad, [role="group"]').first().waitFor();
        await check(page, `${tag}-keypad`);
        await page.getByRole('button', { name: t.back, exact: true }).first().click();

        await page.getByRole('button', { name: t.procedures }).click();
        await page.locator('.procedures__field').first().waitFor();
        await check(page, `${tag}-procedures`);
        // Sorted in the screen's language.
        const fields = await page.$$eval('.procedures__field > span:first-child', (els) => els.map((e) => e.textContent ?? ''));
        expect(fields).toEqual([...fields].sort(new Intl.Collator(lang).compare));
        await page.locator('.procedures__field').first().click();
        await page.locator('.procedures__item').first().waitFor();
        await check(page, `${tag}-procedures-list`);
        await page.locator('.procedures__item').first().click();
        await page.locator('.procedure-detail').waitFor();
        await check(page, `${tag}-procedure-detail`);
        await page.getByRole('button', { name: t.search }).click();
        await page.locator('.letters').waitFor();
        await check(page, `${tag}-procedures-search`);
        await page.context().close();
      });
    }
  }
});
