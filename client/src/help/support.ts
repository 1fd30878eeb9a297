// The support contact from the boot data (SUPPORT_URL / SUPPORT_EMAIL), kept for the Help panel.
// Pure (no DOM at module load) so it can be unit-tested in node.
import type { SupportContact } from '../../../server/api/contract.js';

let contact: SupportContact | null = null;
const listeners = new Set<() => void>();

export function setSupportContact(next: SupportContact | null): void {
  contact = next;
  listeners.forEach((l) => l());
}

export function getSupportContact(): SupportContact | null {
  return contact;
}

export function onSupportContactChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface SupportLink {
  label: string;
  href: string;
  /** Opens in a new tab (a web page); an e-mail link opens the mail program. */
  newTab: boolean;
}

/** The ways to reach support, page first; empty when the server sent none. */
export function supportLinks(c: SupportContact | null): SupportLink[] {
  const links: SupportLink[] = [];
  if (c?.url) links.push({ label: 'Open the support page', href: c.url, newTab: true });
  if (c?.email) links.push({ label: `E-mail ${c.email}`, href: `mailto:${c.email}?subject=${encodeURIComponent('Fulfillment Bridge')}`, newTab: false });
  return links;
}
