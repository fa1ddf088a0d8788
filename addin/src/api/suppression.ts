import { SuppressionEntry } from '../../../shared/api';
import { jsonBody, requestJson } from './http';

/**
 * Puts a report row's address on the organisation's suppression list (the server reads the address
 * from the delivery, so the pane cannot name anyone else's), recording the report as its source.
 */
export const suppressDelivery = (deliveryId: string) =>
  requestJson('/api/suppression', SuppressionEntry, jsonBody('POST', { deliveryId }));
