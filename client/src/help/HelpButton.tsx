import { Button } from '@bigcommerce/big-design';
import { lazy, Suspense, useState } from 'react';

// The modal and its words load on the first click, not with the first page.
const HelpModal = lazy(() => import('./HelpModal').then((m) => ({ default: m.HelpModal })));

/** "Help" in the app's header: setup steps, order states and the support link, on every page. */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <Button
        type="button"
        variant="subtle"
        aria-haspopup="dialog"
        marginVertical="none"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        Help
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <HelpModal isOpen={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
