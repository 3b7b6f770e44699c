import { awaitPromisesAmong } from './await-promises-among';

describe('awaitPromisesAmong', () => {
  it('answers values without a promise among them with the values themselves, at once', () => {
    const values = [1, null, 3];
    expect(awaitPromisesAmong(values)).toBe(values);
  });

  it('puts what each promise resolves to in its place, the plain values left as they are', async () => {
    await expect(
      awaitPromisesAmong<number | null>([Promise.resolve(1), null, 3, Promise.resolve(4)]),
    ).resolves.toEqual([1, null, 3, 4]);
  });

  it('rejects with the first rejection and leaves no other rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const first = new Error('first');
      const later = new Promise<number>((_resolve, reject) => setImmediate(() => reject(new Error('later'))));
      await expect(awaitPromisesAmong([1, Promise.reject(first), later])).rejects.toBe(first);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
