// One request from either host: its name checked against the contract, its payload parsed with the
// contract's schema, then handed to its handler. Never throws: bad input and failures come back as
// error values (a CodedError keeps its code; anything else is logged and answered INTERNAL).
import { requestSchemas, type Requests } from '../../shared/ipc-contract';
import { CodedError, err, ok, type Result } from '../../shared/result';
import type { Handlers } from './handlers';
import type { Logger } from './host';

export async function dispatch(
  handlers: Handlers,
  ready: Promise<void>,
  logger: Logger,
  name: string,
  payload: unknown,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(requestSchemas, name))
    return err('UNKNOWN_REQUEST', `no request named ${JSON.stringify(name).slice(0, 60)}`);
  const key = name as keyof Requests;
  const parsed = requestSchemas[key].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('INVALID_INPUT', `${key}: ${issue?.path.join('.') || '(payload)'} ${issue?.message ?? ''}`.trim(), {
      field: issue?.path.join('.') ?? '',
      reason: issue?.message ?? '',
    });
  }
  await ready;
  try {
    const handler = handlers[key] as (p: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof CodedError) return err(error.code, error.message, error.params);
    logger.error('request failed', {
      request: key,
      error: error instanceof Error ? error.message : String(error),
    });
    return err('INTERNAL', 'unexpected error; see the log');
  }
}
