import { Box } from '@bigcommerce/big-design';
import { Suspense, useEffect } from 'react';
import { AlertsBanner } from './layout/AlertsBanner';
import { AppHeader, tabDomId, tabPanelDomId } from './layout/AppHeader';
import { LeaveGuardModal } from './layout/LeaveGuardModal';
import { leaveGuard } from './lib/leaveGuard';
import { ErrorMessage } from './layout/ErrorMessage';
import { Loading } from './layout/Loading';
import { SessionEnded, REOPEN_TEXT } from './layout/SessionEnded';
import { routes } from './routes';
import { navigate, usePathname } from './router/history';
import { matchRoute } from './router/match';
import { notePageShown } from './pages/setup/firstRun';
import { useSession, useSessionExpiry } from './session/useSession';

export function App() {
  const session = useSession();
  const pathname = usePathname();
  const { route, fallback } = matchRoute(routes, pathname);
  const active = session.status === 'active';

  useSessionExpiry(active ? session.expiresAt : null);

  useEffect(() => {
    // Unknown paths show the first page (Overview); make the URL say so too.
    if (active && fallback) navigate(route.path, { replace: true });
  }, [active, fallback, route.path]);

  useEffect(() => {
    if (active) notePageShown(route.id);
  }, [active, route.id]);

  useEffect(() => {
    document.title = active ? `${route.title} · Fulfillment Bridge` : 'Fulfillment Bridge';
  }, [active, route.title]);

  let content;
  if (session.status === 'starting') {
    content = <Loading label="Connecting to your store…" />;
  } else if (session.status === 'ended') {
    content = <SessionEnded reason={session.reason} />;
  } else if (session.status === 'failed') {
    content = <ErrorMessage header="Fulfillment Bridge couldn't start" message={`${session.message} ${REOPEN_TEXT}`} />;
  } else {
    const Page = route.component;
    const page = (
      <Suspense fallback={<Loading label="Loading…" />}>
        <Page />
      </Suspense>
    );
    // A hidden route (the setup) has no tab to be labelled by: a plain region named after it.
    content = route.hidden ? (
      <section id={tabPanelDomId(route.id)} aria-label={route.title}>
        {page}
      </section>
    ) : (
      <div role="tabpanel" id={tabPanelDomId(route.id)} aria-labelledby={tabDomId(route.id)}>
        {page}
      </div>
    );
  }

  return (
    <>
      <AppHeader
        tabs={active ? routes.filter((r) => !r.hidden) : []}
        activeTabId={route.hidden ? undefined : route.id}
        onTabSelect={(id) => {
          const target = routes.find((r) => r.id === id);
          // Unsaved settings changes ask "Leave without saving?" first (lib/leaveGuard.ts).
          if (target) leaveGuard.requestLeave(() => navigate(target.path));
        }}
      />
      <Box as="main">
        {/* Always in this slot (or false), so its arrival never re-mounts the page below it. */}
        {active && <AlertsBanner />}
        {content}
      </Box>
      {active && <LeaveGuardModal />}
    </>
  );
}
