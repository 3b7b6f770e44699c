import { thenOrNow } from './then-or-now';

describe('thenOrNow', () => {
  it('applies the next step at once to a value that is not a promise', () => {
    expect(thenOrNow(2, (value) => value * 3)).toBe(6);
  });

  it('applies it once a promise resolves', async () => {
    const chained = thenOrNow(Promise.resolve(2), (value) => value * 3);
    expect(chained).toBeInstanceOf(Promise);
    await expect(chained).resolves.toBe(6);
  });
});
