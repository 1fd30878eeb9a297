import { Button, InlineMessage } from '@bigcommerce/big-design';
import type { ApiRequestError } from '../../api/http';

/** The end of every settings form: what happened on the last save, and the Save button. */
export function SaveFooter({ saved, savedText, save }: { saved: boolean; savedText: string; save: { busy: boolean; error: ApiRequestError | null } }) {
  return (
    <>
      {saved && <InlineMessage type="success" marginBottom="medium" messages={[{ text: savedText }]} />}
      {save.error && <InlineMessage type="error" marginBottom="medium" header="Not saved" messages={[{ text: save.error.message }]} />}
      <Button type="submit" isLoading={save.busy}>
        Save
      </Button>
    </>
  );
}
