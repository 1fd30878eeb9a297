import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import styled from 'styled-components';

const Box = styled.div<{ $busy: boolean; $clickable: boolean }>`
  opacity: ${({ $busy }) => ($busy ? 0.55 : 1)};
  transition: opacity 120ms ease-in;

  td {
    overflow-wrap: break-word;
  }

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
 * Wraps a BigDesign Table (which renders its toolbar and <table> side by side, so the table
 * itself can't be wrapped). When the table's narrowest layout is wider than the panel, the table
 * becomes its own horizontal scroller; otherwise it stays a normal full-width table.
 */
export function TableBox({ children, busy = false, clickable = false }: { children: ReactNode; busy?: boolean; clickable?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState(false);

  // Runs after every render: rows, columns or the panel width may have changed.
  useLayoutEffect(() => {
    const box = ref.current;
    const table = box?.querySelector('table');
    if (!box || !table) return undefined;
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
    return () => observer.disconnect();
  });

  return (
    <Box ref={ref} data-scroll={scroll} $busy={busy} $clickable={clickable} aria-busy={busy || undefined}>
      {children}
    </Box>
  );
}
