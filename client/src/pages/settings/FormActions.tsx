import { Button, Flex, InlineMessage } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';
import { CONFLICT_TEXT } from './settingsForm';
import type { SettingsForm } from './useSettingsForm';

const hasFieldErrors = (fields: Record<string, string> | undefined) => fields !== undefined && Object.keys(fields).length > 0;

/**
 * The end of every Settings form: what the last save did (success, the server's message, or that
 * someone else changed it), then Save and Cancel, shown only while the form has unsaved changes.
 * `extra` holds buttons that are always there (Test connection, Send test e-mail).
 */
export function FormActions({ form, saveText = 'Save', extra }: { form: SettingsForm<object>; saveText?: string; extra?: ReactNode }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {form.success && <InlineMessage type="success" marginBottom="medium" messages={[{ text: form.success }]} />}
      </div>
      {form.error && (
        <InlineMessage
          type="error"
          marginBottom="medium"
          header="Not saved"
          // Field errors show next to their fields; repeating them here would say it all twice.
          messages={[{ text: hasFieldErrors(form.error.fields) ? 'Correct the fields marked above, then save again.' : form.error.message }]}
        />
      )}
      {form.conflict && (
        <InlineMessage
          type="warning"
          marginBottom="medium"
          header={CONFLICT_TEXT}
          messages={[{ text: 'Your change was not saved. Reload to see the saved settings, then make your change again.' }]}
          actions={[{ text: 'Reload', variant: 'secondary', onClick: () => form.reload() }]}
        />
      )}
      {(form.dirty || extra) && !form.readOnly && (
        <Flex flexGap="0.75rem" flexWrap="wrap">
          {extra}
          {form.dirty && (
            <>
              <Button type="submit" isLoading={form.busy} disabled={form.busy}>
                {saveText}
              </Button>
              <Button type="button" variant="subtle" disabled={form.busy} onClick={() => form.cancel()}>
                Cancel
              </Button>
            </>
          )}
        </Flex>
      )}
    </>
  );
}
