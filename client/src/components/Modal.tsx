import { Modal as BigDesignModal } from '@bigcommerce/big-design';
import type { ModalProps } from '@bigcommerce/big-design';
import { useLayoutEffect, useRef } from 'react';

/**
 * BigDesign's Modal, named for assistive technology. BigDesign puts role="dialog" on the backdrop
 * but aria-labelledby (pointing at the header) on the white box inside it, so screen readers
 * announce an unnamed dialog (axe: aria-dialog-name). The Modal takes no extra props, so a marker
 * inside the body finds the dialog element and points its aria-labelledby at the header.
 * Use this instead of importing Modal from BigDesign.
 */
export function Modal({ children, ...props }: ModalProps) {
  return (
    <BigDesignModal {...props}>
      {props.isOpen && <DialogName header={props.header} />}
      {children}
    </BigDesignModal>
  );
}

function DialogName({ header }: { header: ModalProps['header'] }) {
  const marker = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const dialog = marker.current?.closest('[role="dialog"]');
    if (!dialog) return;
    const headerId = dialog.querySelector('[aria-labelledby]')?.getAttribute('aria-labelledby');
    if (headerId && document.getElementById(headerId)) {
      dialog.setAttribute('aria-labelledby', headerId);
      dialog.removeAttribute('aria-label');
    } else if (typeof header === 'string' && header) {
      dialog.setAttribute('aria-label', header);
    }
  }, [header]);
  return <span ref={marker} hidden />;
}
