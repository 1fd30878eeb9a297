import { Grid, H4, Panel, Text } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { OrderLineView, ShipToView } from '../../../../server/api/contract';
import { AppLink } from '../../components/AppLink';
import { Mono } from '../../components/JsonBlock';
import { mapMethodHref } from '../settings/deepLink';
import { NO_METHOD_LABEL } from '../settings/shippingMethods';

const Address = styled.address`
  font-style: normal;
  line-height: ${({ theme }) => theme.lineHeight.medium};
  overflow-wrap: anywhere;
`;

const Muted = styled.span`
  color: ${({ theme }) => theme.colors.secondary60};
`;

function MethodLine({ shipTo }: { shipTo: ShipToView }) {
  const method = shipTo.shippingMethod ?? '';
  const label = method === '' ? NO_METHOD_LABEL : method;
  if (shipTo.mappedMethod) {
    return (
      <Text marginBottom="none">
        {label} <Muted>→ sent to your warehouse as</Muted> <Mono>{shipTo.mappedMethod}</Mono>
      </Text>
    );
  }
  return (
    <Text marginBottom="none">
      {label} <Muted>· not mapped</Muted> · <AppLink to={mapMethodHref(method)}>Map “{label}”</AppLink>
    </Text>
  );
}

function ShipToCard({ shipTo, title, items }: { shipTo: ShipToView; title: string; items: string[] }) {
  return (
    <section aria-label={title}>
      <H4 marginBottom="xSmall">{title}</H4>
      <Address>
        {[shipTo.name, shipTo.company].filter(Boolean).map((line) => (
          <div key={`n-${line}`}>{line}</div>
        ))}
        {shipTo.lines.map((line, index) => (
          <div key={index}>{line}</div>
        ))}
        {shipTo.email && <div>{shipTo.email}</div>}
        {shipTo.phone && <div>{shipTo.phone}</div>}
      </Address>
      <Text bold marginTop="small" marginBottom="xxSmall">
        Shipping method
      </Text>
      <MethodLine shipTo={shipTo} />
      {items.length > 0 && (
        <Text color="secondary60" marginTop="xSmall" marginBottom="none">
          Items: {items.join(', ')}
        </Text>
      )}
    </section>
  );
}

/** Where the order goes: one address per consignment, with its method and the warehouse code it maps to. */
export function ShipToPanel({ shipTo, lines }: { shipTo: readonly ShipToView[]; lines: readonly OrderLineView[] }) {
  if (shipTo.length === 0) {
    return (
      <Panel header="Ship to">
        <Text color="secondary60" marginBottom="none">
          This order has no shipping address (digital items or pickup only).
        </Text>
      </Panel>
    );
  }
  const names = new Map(lines.map((line) => [line.id, line.bcSku || line.name]));
  const several = shipTo.length > 1;
  return (
    <Panel header="Ship to">
      <Grid gridColumns={{ mobile: 'minmax(0, 1fr)', tablet: several ? 'repeat(2, minmax(0, 1fr))' : 'minmax(0, 1fr)' }} gridGap="1.5rem">
        {shipTo.map((address, index) => (
          <ShipToCard
            key={address.consignmentId ?? index}
            shipTo={address}
            title={several ? `Address ${index + 1} of ${shipTo.length}` : 'Shipping address'}
            items={several ? address.lineIds.map((id) => names.get(id) ?? `#${id}`) : []}
          />
        ))}
      </Grid>
    </Panel>
  );
}
