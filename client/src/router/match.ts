// Path matching for the tiny history router. Pure: no DOM, no React.

export interface RouteLike {
  id: string;
  /** Absolute path, e.g. "/" or "/orders". */
  path: string;
}

export interface RouteMatch<R extends RouteLike> {
  route: R;
  /** True when nothing matched and the first route (Overview) was used instead. */
  fallback: boolean;
}

/**
 * Reduces a path to a comparable pathname: drops query and fragment, collapses repeated
 * slashes, removes a trailing slash (except for "/") and lower-cases it.
 */
export function normalizePathname(path: string): string {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  const collapsed = `/${pathname}`.replace(/\/{2,}/g, '/');
  const trimmed = collapsed.length > 1 ? collapsed.replace(/\/+$/, '') : collapsed;
  return (trimmed || '/').toLowerCase();
}

/**
 * Finds the route for a pathname. A route also owns its sub-paths ("/orders" matches
 * "/orders/42"); the longest such route wins. "/" only matches itself. Anything else falls back
 * to the first route.
 */
export function matchRoute<R extends RouteLike>(routes: readonly R[], path: string): RouteMatch<R> {
  const first = routes[0];
  if (!first) {
    throw new Error('matchRoute needs at least one route');
  }
  const pathname = normalizePathname(path);
  let best: R | undefined;
  let bestLength = -1;
  for (const route of routes) {
    const routePath = normalizePathname(route.path);
    const matches = pathname === routePath || (routePath !== '/' && pathname.startsWith(`${routePath}/`));
    if (matches && routePath.length > bestLength) {
      best = route;
      bestLength = routePath.length;
    }
  }
  return best ? { route: best, fallback: false } : { route: first, fallback: true };
}
