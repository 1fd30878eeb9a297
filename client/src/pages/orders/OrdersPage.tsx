import { Message } from '@bigcommerce/big-design';
import { AppLink } from '../../components/AppLink';
import { usePathname } from '../../router/history';
import { OrderDetailView } from './OrderDetailView';
import { OrdersList } from './OrdersList';
import { ordersListHref, parseOrdersPath } from './query';

/** /orders (the list) and /orders/:orderId (one order). */
export function OrdersPage() {
  const route = parseOrdersPath(usePathname());
  if (route.view === 'list') return <OrdersList />;
  if (route.view === 'detail') return <OrderDetailView key={route.orderId} orderId={route.orderId} />;
  return (
    <>
      <AppLink to={ordersListHref()}>Back to orders</AppLink>
      <Message
        marginTop="medium"
        type="warning"
        header="That order link isn't valid"
        messages={[{ text: 'Order links look like /orders/1042. Pick the order from the list instead.' }]}
      />
    </>
  );
}
