import { Box, Message } from '@bigcommerce/big-design';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { AlertsResponse, AlertView } from '../../../server/api/contract';
import { api } from '../api/http';
import { navigate, usePathname } from '../router/history';
import { ALERTS_POLL_MS, canDismiss, dismissalId, DISMISSED_STORAGE_KEY, inAppPath, messageTypeOf, nextAlerts, parseDismissed, serializeDismissed, visibleAlerts } from './alerts';
import { ALERTS_REFRESH_EVENT } from './alertsRefresh';

function readDismissed(): Set<string> {
  try {
    return parseDismissed(window.sessionStorage.getItem(DISMISSED_STORAGE_KEY));
  } catch {
    return new Set(); // storage blocked (third-party iframe settings): dismissals last until reload
  }
}

function storeDismissed(value: string): void {
  try {
    window.sessionStorage.setItem(DISMISSED_STORAGE_KEY, value);
  } catch {
    // See readDismissed.
  }
}

/**
 * While a pointer is pressed, new alerts wait: inserting them would move the element under the
 * pointer between press and release, and the click would land elsewhere or be lost.
 */
function useHeldWhilePressed(apply: (alerts: AlertView[]) => void): (alerts: AlertView[]) => void {
  const pressed = useRef(false);
  const held = useRef<AlertView[] | null>(null);
  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
      // After the click that follows this release has been dispatched.
      window.setTimeout(() => {
        if (pressed.current || !held.current) return;
        const alerts = held.current;
        held.current = null;
        apply(alerts);
      }, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, [apply]);
  return useCallback(
    (alerts: AlertView[]) => {
      if (pressed.current) held.current = alerts;
      else apply(alerts);
    },
    [apply],
  );
}

/**
 * What needs the merchant now (GET /api/alerts), above every page: polled every 15 s and on
 * navigation. A poll that finds the same problems renders nothing; a failed poll keeps the last
 * answer (the page itself says when the app cannot be reached).
 */
export function AlertsBanner() {
  const pathname = usePathname();
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [dismissed, setDismissed] = useState(readDismissed);
  const apply = useCallback((incoming: AlertView[]) => setAlerts((current) => nextAlerts(current, incoming)), []);
  const receive = useHeldWhilePressed(apply);

  useEffect(() => {
    let controller = new AbortController();
    const load = () => {
      if (document.visibilityState === 'hidden') return;
      controller.abort();
      controller = new AbortController();
      api.get<AlertsResponse>('/api/alerts', { signal: controller.signal }).then(
        (answer) => receive(answer.alerts),
        () => undefined,
      );
    };
    load();
    const timer = window.setInterval(load, ALERTS_POLL_MS);
    // A tab left in the background is not polled; coming back asks at once.
    document.addEventListener('visibilitychange', load);
    window.addEventListener(ALERTS_REFRESH_EVENT, load);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', load);
      window.removeEventListener(ALERTS_REFRESH_EVENT, load);
      controller.abort();
    };
  }, [pathname, receive]);

  const visible = useMemo(() => visibleAlerts(alerts, dismissed), [alerts, dismissed]);

  // BigDesign's Message is always role="alert" (assertive, and read again on every insert); the
  // banner is one polite status region instead. Removed before the browser paints or reports it.
  const region = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    region.current?.querySelectorAll('[role="alert"]').forEach((el) => el.removeAttribute('role'));
  }, [visible]);

  const dismiss = (alert: AlertView) => {
    const next = new Set(dismissed).add(dismissalId(alert));
    setDismissed(next);
    storeDismissed(serializeDismissed(next, alerts));
  };

  // The action links are plain hrefs (BigDesign's message links take no handler): follow them
  // inside the app; modified clicks open them as usual.
  const followInApp = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const path = link && event.currentTarget.contains(link) ? inAppPath(link.getAttribute('href') ?? '') : null;
    if (!path) return;
    event.preventDefault();
    navigate(path);
  };

  // The live region is always there, so assistive technology hears alerts that appear later.
  return (
    <Box ref={region} role="status" aria-live="polite" aria-label="Alerts" marginBottom={visible.length > 0 ? 'large' : 'none'} onClick={followInApp}>
      {visible.map((alert, i) => (
        <Message
          key={alert.key}
          type={messageTypeOf(alert)}
          marginTop={i > 0 ? 'small' : 'none'}
          messages={[{ text: alert.message, ...(alert.action && inAppPath(alert.action.path) ? { link: { text: alert.action.label, href: alert.action.path } } : {}) }]}
          onClose={canDismiss(alert) ? () => dismiss(alert) : undefined}
        />
      ))}
    </Box>
  );
}
