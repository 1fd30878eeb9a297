import type { ComponentType } from 'react';
import { OverviewPage } from './pages/overview/OverviewPage';
import type { RouteLike } from './router/match';

export interface AppRoute extends RouteLike {
  /** Stable id; also used for the tab's DOM ids. */
  id: string;
  /** Tab label and document title. */
  title: string;
  /** In-app path; the route also owns its sub-paths ("/orders" matches "/orders/42"). */
  path: string;
  component: ComponentType;
}

/** One tab per entry, in this order. The first route is the fallback for unknown paths. */
export const routes: readonly AppRoute[] = [
  { id: 'overview', title: 'Overview', path: '/', component: OverviewPage },
];
