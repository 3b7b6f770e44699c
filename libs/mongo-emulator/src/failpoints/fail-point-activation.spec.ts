import { FailPointActivation } from './fail-point-activation';

function firings(activation: FailPointActivation, calls: number): boolean[] {
  return Array.from({ length: calls }, () => activation.shouldFire());
}

describe('FailPointActivation', () => {
  it('fires for the next n matches with {times: n}, then turns itself off', () => {
    const activation = FailPointActivation.parse({ times: 2 });
    expect(firings(activation, 4)).toEqual([true, true, false, false]);
    expect(activation.isOff).toBe(true);
  });

  it('lets the first n matches through with {skip: n}, then fires for every one', () => {
    expect(firings(FailPointActivation.parse({ skip: 2 }), 5)).toEqual([false, false, true, true, true]);
  });

  it("fires always with 'alwaysOn' and never with 'off'", () => {
    expect(firings(FailPointActivation.parse('alwaysOn'), 3)).toEqual([true, true, true]);
    expect(firings(FailPointActivation.parse('off'), 3)).toEqual([false, false, false]);
  });

  it('fires when the draw falls under activationProbability', () => {
    const draws = [0.1, 0.9, 0.49, 0.5];
    const activation = FailPointActivation.parse({ activationProbability: 0.5 }, () => draws.shift() ?? 1);
    expect(firings(activation, 4)).toEqual([true, false, true, false]);
  });

  it.each([
    [{ times: -1 }],
    [{ times: 1.5 }],
    [{ activationProbability: 2 }],
    ['sometimes'],
    [{ times: 1, skip: 1 }],
  ])('refuses the mode %j with BadValue', (mode) => {
    expect(() => FailPointActivation.parse(mode)).toThrow(expect.objectContaining({ code: 2 }));
  });
});
