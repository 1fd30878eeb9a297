// Kept for the routes that import it: the logic lives with the order-import flow.
export { requeueHeldOrders } from '../flows/order-import/requeue-held.js';
