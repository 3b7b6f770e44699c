import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';

/**
 * When a fail point fires, from mongod's `mode` argument: 'off', 'alwaysOn', `{ times: n }` (the next n
 * matching commands), `{ skip: n }` (every matching command after the first n) or
 * `{ activationProbability: p }`. Only commands the fail point's own filter matched are counted, as in mongod.
 */
export class FailPointActivation {
  private constructor(
    private kind: 'off' | 'alwaysOn' | 'times' | 'skip' | 'probability',
    private remaining: number,
    private readonly probability: number,
    private readonly random: () => number,
  ) {}

  static off(): FailPointActivation {
    return new FailPointActivation('off', 0, 0, Math.random);
  }

  static parse(mode: unknown, random: () => number = Math.random): FailPointActivation {
    if (mode === 'off') return FailPointActivation.off();
    if (mode === 'alwaysOn') return new FailPointActivation('alwaysOn', 0, 1, random);
    if (typeof mode === 'object' && mode !== null && !Array.isArray(mode)) {
      const spec = mode as Document;
      const keys = Object.keys(spec);
      if (keys.length === 1 && keys[0] === 'times') {
        return new FailPointActivation('times', nonNegativeInteger(spec['times'], 'times'), 1, random);
      }
      if (keys.length === 1 && keys[0] === 'skip') {
        return new FailPointActivation('skip', nonNegativeInteger(spec['skip'], 'skip'), 1, random);
      }
      if (keys.length === 1 && keys[0] === 'activationProbability') {
        const probability = Number(spec['activationProbability']);
        if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
          throw new CommandError('BadValue', 'activationProbability must be between 0.0 and 1.0');
        }
        return new FailPointActivation('probability', 0, probability, random);
      }
    }
    throw new CommandError(
      'BadValue',
      "fail point mode must be 'off', 'alwaysOn', {times: n}, {skip: n} or {activationProbability: p}",
    );
  }

  get isOff(): boolean {
    return this.kind === 'off';
  }

  /** Called for a command the fail point's filter matched: does the fail point fire for it? */
  shouldFire(): boolean {
    switch (this.kind) {
      case 'off':
        return false;
      case 'alwaysOn':
        return true;
      case 'probability':
        return this.random() < this.probability;
      case 'skip':
        if (this.remaining === 0) return true;
        this.remaining--;
        return false;
      case 'times':
        if (this.remaining === 0) return false;
        this.remaining--;
        if (this.remaining === 0) this.kind = 'off';
        return true;
    }
  }
}

function nonNegativeInteger(value: unknown, field: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new CommandError('BadValue', `fail point mode '${field}' must be a non-negative integer`);
  }
  return number;
}
