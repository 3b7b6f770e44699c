import { parseLaunchOptions } from './launch-options';

describe('parseLaunchOptions', () => {
  it('runs one API and one worker by default', () => {
    expect(parseLaunchOptions([])).toEqual({ apiInstances: 1, workerInstances: 1 });
  });

  it('reads --api and --workers in any order', () => {
    expect(parseLaunchOptions(['--workers', '2', '--api', '3'])).toEqual({
      apiInstances: 3,
      workerInstances: 2,
    });
  });

  it.each([
    [['--api'], /--api needs a whole number from 1 to 16, got nothing/],
    [['--api', '0'], /got 0/],
    [['--workers', '2.5'], /got 2.5/],
    [['--api', '17'], /got 17/],
    [['--apis', '2'], /unknown option --apis/],
  ])('refuses %j', (args, message) => {
    expect(() => parseLaunchOptions(args)).toThrow(message);
  });
});
