// One stack (sandbox + cloud on loopback) for a whole test file, with its tenant. Call at the top
// level of the file; read `stack` and `client` inside the tests.
import { afterAll, beforeAll } from 'vitest';
import { TestCloudHttp, startStack, type Stack } from './stack';

interface StackWithTenant {
  readonly stack: Stack;
  /** The file's tenant. */
  readonly client: TestCloudHttp;
}

/** One stack and one tenant for all tests of the file. */
export function stackWithTenant(tenantName: string): StackWithTenant {
  let stack: Stack | undefined;
  let client: TestCloudHttp | undefined;
  beforeAll(async () => {
    stack = await startStack();
    client = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant(tenantName));
  });
  afterAll(async () => stack?.close());
  return {
    get stack() {
      return started(stack);
    },
    get client() {
      return started(client);
    },
  };
}

function started<T>(value: T | undefined): T {
  if (!value) throw new Error('the stack starts in beforeAll');
  return value;
}
