// Helpers for driving the app inside the sandbox control panel's #app-frame.
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser.js';

/** The control panel's own height for the app's iframe. */
export const FRAME_HEIGHT = 800;

/** The app's iframe as a Frame (for evaluate); the FrameLocator is for clicks and queries. */
export function appFrameOf(page: Page, appUrl: string): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(appUrl));
  if (!frame) throw new Error('the app frame is not loaded');
  return frame;
}

export const appLocator = (page: Page): FrameLocator => page.frameLocator('#app-frame');

type Win = {
  innerHeight: number;
  innerWidth: number;
  requestAnimationFrame(f: () => void): void;
  document: { getElementById(id: string): { getBoundingClientRect(): { bottom: number } } | null };
};

/**
 * Sets the browser window's width and the iframe's height, and waits until the app has been laid
 * out and painted at that size. The window is made tall enough to show the whole iframe: the app
 * runs in its own renderer process (an out-of-process iframe, as in the real control panel), and
 * Chromium only paints the part of it inside the window, so a full-page screenshot of a tall
 * iframe showed blank or stale areas.
 */
export async function resizeApp(page: Page, frame: Frame, width: number, frameHeight: number): Promise<void> {
  await page.setViewportSize({ width, height: 1000 });
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await page.locator('#app-frame').evaluate((el, h) => {
    (el as unknown as { style: { height: string } }).style.height = `${h}px`;
  }, frameHeight);
  const box = await page.locator('#app-frame').boundingBox();
  if (!box) throw new Error('the app frame is not on the page');
  await page.setViewportSize({ width, height: Math.max(1000, Math.ceil(box.y + frameHeight + 40)) });
  await frame.waitForFunction((h) => (globalThis as unknown as Win).innerHeight === h, frameHeight);
  await frame.evaluate(
    () => new Promise((resolve) => (globalThis as unknown as Win).requestAnimationFrame(() => (globalThis as unknown as Win).requestAnimationFrame(() => resolve(null)))),
  );
  await page.waitForTimeout(300);
}

/** A screenshot of the app at its real width, down to the end of its content (within the iframe). */
export async function screenshotApp(page: Page, frame: Frame, name: string): Promise<void> {
  const height = await frame.evaluate(() => {
    const w = globalThis as unknown as Win;
    // The bottom of the app's content plus its bottom margin, not the (taller) iframe.
    const bottom = (w.document.getElementById('root')?.getBoundingClientRect().bottom ?? w.innerHeight) + 32;
    return Math.round(Math.min(w.innerHeight, Math.max(400, bottom)));
  });
  const box = await page.locator('#app-frame').boundingBox();
  if (!box) throw new Error('the app frame is not on the page');
  // Let the app paint what just changed (its own process) before the window is captured.
  await frame.evaluate(
    () => new Promise((resolve) => (globalThis as unknown as Win).requestAnimationFrame(() => (globalThis as unknown as Win).requestAnimationFrame(() => resolve(null)))),
  );
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, clip: { x: box.x, y: box.y, width: box.width, height } });
}
