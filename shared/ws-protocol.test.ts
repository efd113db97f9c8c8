import { expect, it } from 'vitest';
import { parseClientMessage } from './ws-protocol';

it('accepts a well-formed request', () => {
  expect(parseClientMessage('{"type":"request","id":3,"name":"listPlatforms"}')).toEqual({
    type: 'request',
    id: 3,
    name: 'listPlatforms',
    payload: undefined,
  });
});

it.each([
  '',
  'null',
  '[]',
  '"x"',
  '{"type":"event","id":1,"name":"a"}',
  '{"type":"request","id":1.5,"name":"a"}',
  `{"type":"request","name":"${'x'.repeat(65)}"}`,
])('rejects %s', (text) => expect(parseClientMessage(text)).toBeNull());

it.each(['{"type":"request","id":1,"name":5}', `{"type":"request","id":1,"name":"${'x'.repeat(65)}"}`])(
  'keeps the id of %s to answer it',
  (text) => {
    expect(parseClientMessage(text)).toEqual({ type: 'invalid', id: 1 });
  },
);
