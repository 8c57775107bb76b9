// The DeliveryError an adapter's send or download rejects with: the test fails if the promise resolves or rejects with
// anything else. Shared by every platform's adapter tests.
import { expect } from 'vitest';
import { DeliveryError } from '../../src/core/outbound.js';

export async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}
