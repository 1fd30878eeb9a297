// When PagedTable gives BigDesign's Table a fresh instance. Pure.
//
// BigDesign's pagination keeps the page count from the previous total for one render and
// "corrects" a current page past it (a bogus jump back, e.g. on back/forward to ?page=3 while the
// previous list had 2 pages). A fresh Table avoids that, but keying it by the total remounted
// every row whenever a live refresh brought a new total, and a click in flight on an order link
// was lost. So the key only changes when the page shown is past the page count the mounted
// pagination knows; a refresh on the same page never remounts.

export interface PaginationShape {
  currentPage: number;
  itemsPerPage: number;
  totalItems: number;
}

export interface PaginationKeyState {
  key: number;
  /** The page count the mounted pagination was last rendered with. */
  pages: number;
}

export function nextPaginationKey(known: PaginationKeyState, pagination: PaginationShape | undefined): PaginationKeyState {
  if (!pagination) return known;
  const pages = Math.max(1, Math.ceil(pagination.totalItems / Math.max(1, pagination.itemsPerPage)));
  const key = pagination.currentPage > known.pages ? known.key + 1 : known.key;
  return key === known.key && pages === known.pages ? known : { key, pages };
}
