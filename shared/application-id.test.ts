import { describe, expect, it } from 'vitest';
import { isApplicationId } from './application-id';

describe('isApplicationId', () => {
  it('accepts both forms Amazon uses and nothing else', () => {
    expect(isApplicationId('amzn1.sp.solution.0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9')).toBe(true);
    expect(isApplicationId('amzn1.sellerapps.app.0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9')).toBe(true);
    expect(isApplicationId('amzn1.application-oa2-client.0f1e2d3c4b5a69788695a4b3c2d1e0f9')).toBe(false);
    expect(isApplicationId('amzn1.sellerapps.app.0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9\n')).toBe(false);
    expect(isApplicationId('xamzn1.sp.solution.0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9')).toBe(false);
  });
});
