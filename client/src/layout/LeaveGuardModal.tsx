import { Text } from '@bigcommerce/big-design';
import { useEffect, useSyncExternalStore } from 'react';
import { Modal } from '../components/Modal';
import { leaveGuard, leavePromptText, leavingPath } from '../lib/leaveGuard';
import { hasUnsavedChanges } from '../lib/unsavedChanges';
import { navigate, usePathname } from '../router/history';

/**
 * The "Leave without saving?" confirmation for every way of leaving a page inside the app: the
 * tabs and the settings sections ask leaveGuard directly; in-app links are held here, before
 * their own handler (AppLink's navigate) sees the click. Mounted once, in App.
 */
export function LeaveGuardModal() {
  const pending = useSyncExternalStore(leaveGuard.subscribe, leaveGuard.pending);
  const pathname = usePathname();

  // Left some other way meanwhile (browser Back): the question no longer applies.
  useEffect(() => {
    leaveGuard.stay();
  }, [pathname]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!hasUnsavedChanges()) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const link = { href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download') };
      const path = leavingPath(event, link, window.location);
      if (path === null) return;
      event.preventDefault();
      event.stopPropagation();
      leaveGuard.requestLeave(() => navigate(path));
    };
    // Capture on window: runs before React's own (root) listeners, so AppLink never navigates.
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, []);

  return (
    <Modal
      isOpen={pending !== null}
      variant="dialog"
      header="Leave without saving?"
      onClose={() => leaveGuard.stay()}
      closeOnEscKey
      closeOnClickOutside={false}
      actions={[
        { text: 'Stay on this page', variant: 'subtle', onClick: () => leaveGuard.stay() },
        { text: 'Leave without saving', actionType: 'destructive', onClick: () => leaveGuard.confirm() },
      ]}
    >
      <Text>{leavePromptText(pending?.forms ?? [])}</Text>
    </Modal>
  );
}
