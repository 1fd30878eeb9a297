import { Badge, Button, Message, Panel, Small } from '@bigcommerce/big-design';
import { useState } from 'react';
import styled from 'styled-components';
import type { BigCommerceHealth, WebhookRepairResponse } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { DateTime } from '../../components/DateTime';
import { DetailList, type DetailRow } from '../../components/DetailList';
import { requestAlertsRefresh } from '../../layout/alertsRefresh';
import { quotaText, scopeName, webhookBadge, webhooksNeedRepair } from './health';

const Hooks = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;

  li + li {
    margin-top: ${({ theme }) => theme.spacing.xSmall};
  }
`;

const NoWrap = styled.span`
  white-space: nowrap;
`;

/** Token, webhook subscriptions with their last event, API quota use, and "Repair webhooks". */
export function BigCommercePanel({ bigcommerce, onRepaired }: { bigcommerce: BigCommerceHealth; onRepaired(): void }) {
  const [result, setResult] = useState<string | null>(null);
  const repair = useAction(() => api.post<WebhookRepairResponse>('/api/webhooks/repair'));
  const quota = quotaText(bigcommerce.quota);

  const runRepair = async () => {
    setResult(null);
    const answer = await repair.run();
    if (answer) {
      setResult(answer.message);
      onRepaired();
      requestAlertsRefresh(); // the banner's "Webhooks deactivated" goes now, not at its next poll
    }
  };

  const rows: DetailRow[] = [
    {
      label: 'Access',
      value: bigcommerce.tokenValid ? <Badge label="Valid" variant="success" /> : <Badge label="Refused: reinstall the app" variant="danger" />,
    },
    {
      label: 'Webhooks',
      value:
        bigcommerce.webhooks.length === 0 ? (
          'None needed: the flows that use them are off'
        ) : (
          <Hooks>
            {bigcommerce.webhooks.map((w) => {
              const badge = webhookBadge(w);
              return (
                <li key={w.scope}>
                  <NoWrap>
                    {scopeName(w.scope)} <Badge label={badge.label} variant={badge.variant} />
                  </NoWrap>
                  <Small color="secondary60" marginBottom="none">
                    Last event: <DateTime iso={w.lastEventAt} fallback="none yet" />
                  </Small>
                </li>
              );
            })}
          </Hooks>
        ),
    },
    {
      label: 'Last checked',
      value: bigcommerce.webhooksCheckedAt ? <DateTime iso={bigcommerce.webhooksCheckedAt} /> : 'Not yet',
    },
    {
      label: 'API use',
      value: quota ? (
        <>
          {quota.replace(/^API use: /, '')}{' '}
          <Small as="span" color="secondary60">
            (as of <DateTime iso={bigcommerce.quota?.observedAt} />)
          </Small>
        </>
      ) : (
        'Not seen yet'
      ),
    },
  ];

  return (
    <Panel header="BigCommerce" badge={webhooksNeedRepair(bigcommerce) ? { label: 'Needs repair', variant: 'warning' } : undefined}>
      {bigcommerce.webhooksError && <Message type="warning" marginBottom="medium" header="Webhooks could not be checked" messages={[{ text: bigcommerce.webhooksError }]} />}
      {result && <Message type="success" marginBottom="medium" messages={[{ text: result }]} onClose={() => setResult(null)} />}
      {repair.error && <Message type="error" marginBottom="medium" messages={[{ text: repair.error.message }]} onClose={repair.reset} />}
      <DetailList rows={rows} />
      <Button marginTop="medium" variant="secondary" isLoading={repair.busy} onClick={() => void runRepair()}>
        Repair webhooks
      </Button>
    </Panel>
  );
}
