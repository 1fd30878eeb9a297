import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import styled, { createGlobalStyle } from 'styled-components';

const Box = styled.div<{ $busy: boolean; $clickable: boolean }>`
  opacity: ${({ $busy }) => ($busy ? 0.55 : 1)};
  transition: opacity 120ms ease-in;

  /* The count + pagination toolbar wraps instead of overflowing. */
  [role='toolbar'] {
    flex-wrap: wrap;
    row-gap: ${({ theme }) => theme.spacing.xSmall};
  }

  /* A table wider than its panel scrolls by itself instead of widening the page. */
  &[data-scroll='true'] table {
    display: block;
    overflow-x: auto;
    /* Keeps visually hidden header labels (position: absolute) inside the scroller. */
    position: relative;
  }

  @media (max-width: 719.98px) {
    [role='toolbar'] {
      padding-left: ${({ theme }) => theme.spacing.small};
      padding-right: ${({ theme }) => theme.spacing.small};
    }

    th {
      white-space: normal;
    }

    th:first-of-type,
    td:first-of-type {
      padding-left: ${({ theme }) => theme.spacing.small};
    }

    th:last-of-type,
    td:last-of-type {
      padding-right: ${({ theme }) => theme.spacing.small};
    }
  }

  ${({ $clickable, theme }) =>
    $clickable &&
    `
    tbody tr { cursor: pointer; }
    tbody tr:hover td { background-color: ${theme.colors.secondary10}; }
  `}
`;

/**
 * BigDesign's table pagination opens its page-size list from a role="button" toggle carrying
 * aria-activedescendant, which a button may not have (axe: aria-allowed-attr, critical) and screen
 * readers ignore; the open list is role="menu" holding role="option" items (axe:
 * aria-required-children). Downshift's hook behind it is a select-only combobox: the toggle
 * becomes a combobox named by its text ("1 - 25 of 312") plus "rows per page", and its open list a
 * listbox. React leaves these attributes alone: their props never change.
 */
function fixPageSizeToggles(box: HTMLElement, hintId: string) {
  for (const toggle of box.querySelectorAll<HTMLElement>('[role="toolbar"] [aria-haspopup="menu"][role="button"]')) {
    toggle.setAttribute('role', 'combobox');
    toggle.setAttribute('aria-haspopup', 'listbox');
    if (toggle.id) toggle.setAttribute('aria-labelledby', `${toggle.id} ${hintId}`);
  }
}

/** The open list of a toggle fixed above (it is rendered in a portal each time it opens). */
function watchPageSizeLists(box: HTMLElement): MutationObserver {
  const observer = new MutationObserver((records) => {
    for (const { target } of records) {
      if (!(target instanceof HTMLElement) || target.getAttribute('role') !== 'combobox') continue;
      if (target.getAttribute('aria-expanded') !== 'true') continue;
      const list = document.getElementById(target.getAttribute('aria-controls') ?? '');
      if (list?.getAttribute('role') !== 'menu') continue;
      list.setAttribute('role', 'listbox');
      list.setAttribute('data-fb-page-sizes', '');
    }
  });
  observer.observe(box, { subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });
  return observer;
}

// The highlighted page size is blue on light blue at 4.4:1 (text needs 4.5:1). Downshift marks
// no attribute on it, so every page size is dark text; the highlight keeps its background.
const PageSizeListStyle = createGlobalStyle`
  [data-fb-page-sizes] [role='option'],
  [data-fb-page-sizes] [role='option'] * {
    color: ${({ theme }) => theme.colors.secondary70};
  }
`;

/**
 * Wraps a BigDesign Table (which renders its toolbar and <table> side by side, so the table
 * itself can't be wrapped). When the table's narrowest layout is wider than the panel, the table
 * becomes its own horizontal scroller; otherwise it stays a normal full-width table.
 */
export function TableBox({ children, busy = false, clickable = false }: { children: ReactNode; busy?: boolean; clickable?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(false);
  const hintId = useId();

  // Runs after every render: rows, columns or the panel width may have changed.
  useLayoutEffect(() => {
    const box = ref.current;
    const table = box?.querySelector('table');
    if (!box) return undefined;
    fixPageSizeToggles(box, hintId);
    const lists = watchPageSizeLists(box);
    if (!table) return () => lists.disconnect();
    // A scroller must be reachable from the keyboard (arrow keys scroll it) (axe:
    // scrollable-region-focusable).
    if (scroll) table.setAttribute('tabindex', '0');
    else table.removeAttribute('tabindex');
    const check = () => {
      const scrolling = getComputedStyle(table).display === 'block';
      // As a scroller the table's content width is scrollWidth; as a table it is its own width.
      const width = scrolling ? table.scrollWidth : table.offsetWidth;
      setScroll(width > box.clientWidth + 1);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(box);
    observer.observe(table);
    return () => {
      observer.disconnect();
      lists.disconnect();
    };
  });

  return (
    <Box ref={ref} data-scroll={scroll} $busy={busy} $clickable={clickable} aria-busy={busy || undefined}>
      {children}
      <PageSizeListStyle />
      <span id={hintId} hidden>
        rows per page
      </span>
    </Box>
  );
}
