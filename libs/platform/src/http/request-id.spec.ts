import fc from 'fast-check';
import { requestIdFor, resolveRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it('keeps a sane inbound id', () => {
    expect(resolveRequestId('req-123_abc.def:9')).toBe('req-123_abc.def:9');
  });

  it('generates a UUID when none is sent', () => {
    expect(resolveRequestId(undefined)).toMatch(UUID);
  });

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['a newline (log forging)', 'abc\ninjected'],
    ['spaces', 'a b'],
    ['quotes', 'a"b'],
    ['a leading dash', '-abc'],
    ['non-ASCII', 'idé'],
  ])('replaces an id with %s', (_label, inbound) => {
    expect(resolveRequestId(inbound)).toMatch(UUID);
  });

  it('replaces a header sent several times', () => {
    expect(resolveRequestId(['a', 'b'])).toMatch(UUID);
  });

  it('only ever returns short tokens of safe characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (inbound) => {
        expect(resolveRequestId(inbound)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/);
      }),
    );
  });
});

describe('requestIdFor', () => {
  it('reads the inbound id from Node’s lower-case header key, and replaces an insane one', () => {
    expect(requestIdFor({ 'x-request-id': 'req-7' })).toBe('req-7');
    expect(requestIdFor({ 'x-request-id': 'bad id\n' })).toMatch(UUID);
    expect(requestIdFor({})).toMatch(UUID);
  });
});
