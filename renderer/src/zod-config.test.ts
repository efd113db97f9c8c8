// zod-config.ts sets zod's jitless flag without importing zod; this checks zod really reads it.
import { describe, expect, it } from 'vitest';

describe('zod config of the renderer', () => {
  it('is jitless, as zod itself reports', async () => {
    await import('./zod-config');
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});
