import { expect, it } from 'vitest';
import { nginxWorkersFor } from './nginx';

it('keeps the shipped one worker per core where the open-file limit allows it', () => {
  expect(nginxWorkersFor(20_000, 2, 1_048_576)).toBe(2);
  expect(nginxWorkersFor(10_000, 2, 20_000)).toBe(2);
});

it('takes more workers when one per core would need more descriptors than the hard limit gives', () => {
  // 20,000 long-polls hold 40,000 descriptors: two workers under a 20,000 limit cannot, three can.
  const workers = nginxWorkersFor(20_000, 2, 20_000);
  expect(workers).toBe(3);
  expect((2 * 20_000) / workers).toBeLessThan(20_000 - 100);
});
