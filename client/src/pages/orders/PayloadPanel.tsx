import { Box, Button, Panel, Text } from '@bigcommerce/big-design';
import { useId, useState } from 'react';
import { JsonBlock } from '../../components/JsonBlock';

/**
 * The exact JSON sent to the warehouse, on demand: the viewer is only rendered (and so only
 * downloaded, JsonBlock loads it lazily) once "Show payload" is pressed.
 */
export function PayloadPanel({ orderId, payload }: { orderId: number; payload: unknown }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const sent = payload !== null && payload !== undefined;
  return (
    <Panel header="Payload sent" description="The exact order data Fulfillment Bridge sent to your warehouse.">
      {!sent ? (
        <Text color="secondary60" marginBottom="none">
          Nothing has been sent to your warehouse yet.
        </Text>
      ) : (
        <>
          <Button type="button" variant="secondary" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((value) => !value)}>
            {open ? 'Hide payload' : 'Show payload'}
          </Button>
          <Box id={regionId} marginTop={open ? 'medium' : 'none'}>
            {open && <JsonBlock value={payload} label={`Payload sent for order #${orderId}`} />}
          </Box>
        </>
      )}
    </Panel>
  );
}
