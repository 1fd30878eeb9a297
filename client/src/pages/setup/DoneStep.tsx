import { Box, Button, Flex, Message, Panel, Text } from '@bigcommerce/big-design';
import { AppLink } from '../../components/AppLink';
import { navigate } from '../../router/history';
import type { SetupStep, SetupStepId } from './setupSteps';

interface DoneStepProps {
  steps: readonly SetupStep[];
  /** "Awaiting Fulfillment", in the store's own words. */
  importStatusLabel: string;
  accountName: string | null;
  ordersOn: boolean;
  onOpenStep(id: SetupStepId): void;
}

/** What happens next: orders go out by themselves; or what is still missing. */
export function DoneStep({ steps, importStatusLabel, accountName, ordersOn, onOpenStep }: DoneStepProps) {
  const missing = steps.filter((s) => s.id !== 'done' && s.id !== 'scan' && s.status !== 'done');
  const scan = steps.find((s) => s.id === 'scan');
  const warehouse = accountName ?? 'your warehouse';

  if (missing.length > 0) {
    return (
      <Panel header="Almost there">
        <Text>Orders can only go to your warehouse once these steps are done:</Text>
        <Flex flexDirection="column" alignItems="flex-start" flexGap="0.5rem">
          {missing.map((s) => (
            <Button key={s.id} type="button" variant="secondary" marginVertical="none" onClick={() => onOpenStep(s.id)}>
              Step {s.number}: {s.title}
            </Button>
          ))}
        </Flex>
      </Panel>
    );
  }

  return (
    <Panel header="You're set up" badge={{ label: 'Ready', variant: 'success' }}>
      {!ordersOn && (
        <Message
          type="warning"
          marginBottom="medium"
          header="The Orders flow is off"
          messages={[{ text: 'Nothing is sent until you turn it on in Settings.' }]}
          actions={[{ text: 'Open Settings', variant: 'secondary', onClick: () => navigate('/settings/orders') }]}
        />
      )}
      {scan && scan.status !== 'done' && (
        <Message
          type="warning"
          marginBottom="medium"
          header="The readiness scan has something for you"
          messages={[{ text: `${scan.note}. Orders it concerns are held until you fix it; the order says why.` }]}
          actions={[{ text: 'Open the scan', variant: 'secondary', onClick: () => onOpenStep('scan') }]}
        />
      )}
      <Box as="ul" marginBottom="medium">
        <li>
          <Text marginBottom="xSmall">
            Orders that reach <strong>{importStatusLabel}</strong> go to {warehouse} by themselves, within seconds. You don’t need to keep this app open.
          </Text>
        </li>
        <li>
          <Text marginBottom="xSmall">When the warehouse ships, the shipment and its tracking number are added to the order in BigCommerce.</Text>
        </li>
        <li>
          <Text marginBottom="xSmall">If an order can’t be sent, it shows on the Overview and in Orders with the reason and what to do.</Text>
        </li>
      </Box>
      <Flex flexGap="1.5rem" flexWrap="wrap">
        <AppLink to="/orders">Go to Orders</AppLink>
        <AppLink to="/">Go to the Overview</AppLink>
      </Flex>
    </Panel>
  );
}
