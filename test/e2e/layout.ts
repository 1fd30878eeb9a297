// Layout checks for the app's tables, run in the app's iframe:
// - a word broken in the middle: a SKU, code or word whose letters sit on two lines. Breaking
//   after a separator ("SBX-MUG-" / "01", "store/" / "order") is fine; breaking "SBX-MU" / "G-01"
//   is not. Each whitespace-free piece between separators must keep its letters on one line.
// - a column squeezed so narrow that a sentence stands one word per line;
// - clipped text: an element in a cell whose content is wider than its box and is cut off without
//   an ellipsis and a title (tooltip) giving the full text;
// - a table cut off by its panel or sticking out of the page instead of scrolling inside the panel.
import type { Frame } from 'playwright-core';

export async function tableLayoutProblems(frame: Frame): Promise<string[]> {
  // Runs in the page; the tests' tsconfig has no DOM types, hence the loose typing.
  return frame.evaluate(() => {
    type El = {
      tagName: string;
      textContent: string | null;
      parentElement: El | null;
      scrollWidth: number;
      clientWidth: number;
      getAttribute(name: string): string | null;
      getBoundingClientRect(): { left: number; right: number; top: number; width: number; height: number };
      querySelectorAll(sel: string): ArrayLike<El>;
      querySelector(sel: string): El | null;
      closest(sel: string): El | null;
    };
    type Style = { overflowX: string; textOverflow: string; display: string; visibility: string };
    type Rect = { top: number; width: number; height: number };
    const g = globalThis as unknown as {
      document: {
        documentElement: El;
        querySelectorAll(sel: string): ArrayLike<El>;
        createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void; getClientRects(): ArrayLike<Rect> };
        createTreeWalker(root: El, what: number): { nextNode(): { textContent: string | null; parentElement: El | null } | null };
      };
      getComputedStyle(el: El): Style;
      innerWidth: number;
    };
    const doc = g.document;
    const problems: string[] = [];
    const short = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const where = (el: El) => {
      const table = el.closest('table');
      const headers = table ? Array.from(table.querySelectorAll('thead th')).map((th) => short(th.textContent)) : [];
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- El is not a DOM type in the Node program
      const cell = el.closest('td, th') as (El & { cellIndex?: number }) | null;
      const column = cell && cell.cellIndex !== undefined ? headers[cell.cellIndex] : undefined;
      return column ? `column "${column}"` : 'table';
    };
    // Visually hidden text (1 px boxes for screen readers, like a table's caption) is left out.
    const visible = (el: El) => {
      const r = el.getBoundingClientRect();
      const s = g.getComputedStyle(el);
      return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const tables = Array.from(doc.querySelectorAll('table')).filter(visible);

    for (const table of tables) {
      // Words broken in the middle.
      const walker = doc.createTreeWalker(table, 4 /* NodeFilter.SHOW_TEXT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!node.parentElement || !visible(node.parentElement)) continue;
        const words = text.trim().split(/\s+/).filter(Boolean).length;
        if (words >= 4) {
          const whole = doc.createRange();
          whole.setStart(node, 0);
          whole.setEnd(node, text.length);
          const tops = new Set<number>();
          for (const rect of Array.from(whole.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
          if (tops.size >= words - 1) problems.push(`${where(node.parentElement)}: "${short(text)}" is squeezed to one word per line`);
        }
        const piece = /[^\s\-/_.:,@]+/g;
        for (let m = piece.exec(text); m; m = piece.exec(text)) {
          if (m[0].length < 2) continue;
          const range = doc.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set<number>();
          for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) lines.add(Math.round(rect.top / 4));
          if (lines.size > 1) problems.push(`${where(node.parentElement)}: "${short(text)}" is broken in the middle of "${m[0]}"`);
        }
      }

      // Cut-off text inside cells.
      for (const el of Array.from(table.querySelectorAll('td, td *, th, th *'))) {
        if (!visible(el) || el.scrollWidth <= el.clientWidth + 1) continue;
        const s = g.getComputedStyle(el);
        if (s.overflowX === 'visible' || s.overflowX === 'auto' || s.overflowX === 'scroll') continue;
        const titled = el.closest('[title]') !== null;
        if (s.textOverflow === 'ellipsis' && titled) continue;
        problems.push(`${where(el)}: "${short(el.textContent)}" is cut off${titled ? ' without an ellipsis' : ' with no title giving the full text'}`);
      }

      // The table itself: inside a scroller, or within its clipping ancestor and the page.
      const box = table.getBoundingClientRect();
      let scrolls = false;
      for (let a: El | null = table; a && a !== doc.documentElement; a = a.parentElement) {
        const s = g.getComputedStyle(a);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && a.scrollWidth > a.clientWidth + 1) {
          scrolls = true;
          break;
        }
        if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && box.right > a.getBoundingClientRect().right + 1) {
          problems.push(`table "${short(table.querySelector('thead')?.textContent ?? '')}" is cut off by its container`);
          break;
        }
      }
      if (!scrolls && box.right > g.innerWidth + 1)
        problems.push(`table "${short(table.querySelector('thead')?.textContent ?? '')}" is wider than the page (${Math.round(box.right)} > ${g.innerWidth} px)`);
    }
    if (doc.documentElement.scrollWidth > g.innerWidth + 1) {
      problems.push(`the page scrolls sideways (${doc.documentElement.scrollWidth} > ${g.innerWidth} px)`);
    }
    return [...new Set(problems)];
  });
}
