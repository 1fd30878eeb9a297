import { Form, FormGroup, InlineMessage, Input, Panel, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { QuotaShareResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useApiGet } from '../../api/useApiGet';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { FormActions } from '../settings/FormActions';
import { READ_ONLY_TEXT } from '../settings/settingsForm';
import { useCanManage } from '../settings/useCanManage';
import { useSettingsForm } from '../settings/useSettingsForm';
import { shareExample, validateShare } from './format';

const PATH = '/api/settings/api-quota-share';

/**
 * Settings › Orders and rules: the share of the store's BigCommerce API quota the app may use.
 * Loads its own value; follows the one save model (useSettingsForm).
 */
export function QuotaSharePanel() {
  const loaded = useApiGet<QuotaShareResponse>(PATH);
  // The server's answer to the last save; cleared when the saved value is read again (after a 409).
  const [answer, setAnswer] = useState<QuotaShareResponse | null>(null);
  const data = answer ?? (loaded.status === 'success' ? loaded.data : loaded.status === 'loading' ? loaded.stale : undefined);
  const reload = () => {
    setAnswer(null);
    loaded.reload();
  };
  return (
    <Panel
      header="Share of your API quota"
      description="BigCommerce gives your store a number of API requests per 30 seconds, shared by every app you have installed. Fulfillment Bridge uses at most this share of each window and leaves the rest to your other apps."
    >
      {!data && loaded.status === 'loading' && <Loading label="Loading the API quota share…" />}
      {loaded.status === 'error' && !loaded.error.sessionEnded && (
        <ErrorMessage header="The API quota share couldn't be loaded" message={loaded.error.message} onRetry={loaded.reload} />
      )}
      {data && <ShareForm saved={data} onSaved={setAnswer} reload={reload} />}
    </Panel>
  );
}

function ShareForm({ saved, onSaved, reload }: { saved: QuotaShareResponse; onSaved(answer: QuotaShareResponse): void; reload(): void }) {
  const canManage = useCanManage();
  const form = useSettingsForm<{ percent: string }, QuotaShareResponse>({
    name: 'Share of your API quota',
    saved: { percent: String(saved.percent) },
    validate: (v) => validateShare(v.percent),
    save: (v) => api.put<QuotaShareResponse>(PATH, { percent: Number(v.percent.trim()), previous: saved.percent }),
    onSaved,
    savedText: (r) => `Saved: Fulfillment Bridge uses at most ${r.percent}% of your API quota.`,
    reload,
    readOnly: !canManage,
  });
  const typed = Number(form.values.percent);
  const example = validateShare(form.values.percent).percent ? null : shareExample(typed);

  return (
    <Form onSubmit={(event) => void form.submit(event)}>
      {!canManage && <InlineMessage type="info" marginBottom="medium" messages={[{ text: READ_ONLY_TEXT }]} />}
      <FormGroup>
        <Input
          label="Share of the API quota (%)"
          type="number"
          inputMode="numeric"
          min={saved.min}
          max={saved.max}
          step={1}
          required
          readOnly={form.readOnly}
          disabled={form.readOnly}
          value={form.values.percent}
          description={`From ${saved.min}% to ${saved.max}%; ${saved.default}% unless you change it. The app never takes more, and never pushes your store into BigCommerce's "too many requests" limit.`}
          error={form.fieldError('percent')}
          onChange={(event) => form.edit({ percent: event.target.value })}
        />
      </FormGroup>
      {example && (
        <Text color="secondary60" marginBottom="medium">
          {example}
        </Text>
      )}
      <FormActions form={form} />
    </Form>
  );
}
