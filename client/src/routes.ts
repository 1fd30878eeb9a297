import { lazy, type ComponentType } from 'react';
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
  /** Reachable by its path but not shown as a tab (the first-run setup). */
  hidden?: boolean;
}

// Pages other than the Overview load on first visit (the tables, date pickers and modals they use
// would otherwise double the first download). App wraps pages in <Suspense>.
const OrdersPage = lazy(() => import('./pages/orders/OrdersPage').then((m) => ({ default: m.OrdersPage })));
const InventoryPage = lazy(() => import('./pages/inventory/InventoryPage').then((m) => ({ default: m.InventoryPage })));
const ActivityPage = lazy(() => import('./pages/activity/ActivityPage').then((m) => ({ default: m.ActivityPage })));
const WebhooksPage = lazy(() => import('./pages/webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const SetupPage = lazy(() => import('./pages/setup/SetupPage').then((m) => ({ default: m.SetupPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/** One tab per entry, in this order. The first route is the fallback for unknown paths. */
export const routes: readonly AppRoute[] = [
  { id: 'overview', title: 'Overview', path: '/', component: OverviewPage },
  { id: 'orders', title: 'Orders', path: '/orders', component: OrdersPage },
  { id: 'inventory', title: 'Inventory', path: '/inventory', component: InventoryPage },
  { id: 'activity', title: 'Activity', path: '/activity', component: ActivityPage },
  { id: 'webhooks', title: 'Webhooks', path: '/webhooks', component: WebhooksPage },
  { id: 'settings', title: 'Settings', path: '/settings', component: SettingsPage },
  { id: 'audit', title: 'Audit log', path: '/audit', component: AuditPage },
  { id: 'setup', title: 'Set up', path: '/setup', component: SetupPage, hidden: true },
];
