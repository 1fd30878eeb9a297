import { useAction } from '../../api/useAction';
import { sessionStore } from '../../session/store';
import { downloadCsv } from './exportCsv';

/** The browser's way to save a Blob: a temporary object URL on a temporary <a download>. */
function saveWithLink(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** "Export CSV" for a path: busy flag and a readable error, like any other button action. */
export function useCsvExport() {
  return useAction((path: string) =>
    downloadCsv(path, {
      fetch: (input, init) => fetch(input, init),
      getToken: () => sessionStore.getToken(),
      onSessionEnded: (reason) => sessionStore.end(reason),
      save: saveWithLink,
      now: () => new Date(),
    }),
  );
}
