import { firstSequencesIn, mayHoldPersistedIncrements } from './persisted-increments-in-hash';
import { producerFirstSequenceField, producerFloorField } from './usage.constant';

describe('mayHoldPersistedIncrements', () => {
  const persisted = { p1: { floor: 10, applied: [12] } };
  const hash = (firsts: Record<string, number>, floors: readonly string[] = Object.keys(firsts)) => ({
    producerIds: floors,
    firstSequences: firsts,
  });

  it('takes a hash whose producer first claimed a sequence MongoDB counts for an older copy', () => {
    expect(mayHoldPersistedIncrements(hash({ p1: 9 }), persisted)).toBe(true);
    expect(mayHoldPersistedIncrements(hash({ p1: 12 }), persisted)).toBe(true);
  });

  it('takes a hash whose producers first claimed fresh sequences for a rebuild', () => {
    expect(mayHoldPersistedIncrements(hash({ p1: 10 }), persisted)).toBe(false);
    expect(mayHoldPersistedIncrements(hash({ p1: 11 }), persisted)).toBe(false);
    // A producer MongoDB has no marks for never makes a copy, whatever its sequences.
    expect(mayHoldPersistedIncrements(hash({ p1: 13, p2: 1 }), persisted)).toBe(false);
  });

  it('takes a floor without a first sequence (written before they were kept) for an older copy, as before', () => {
    expect(mayHoldPersistedIncrements(hash({}, ['p1']), persisted)).toBe(true);
    expect(mayHoldPersistedIncrements(hash({}, ['p2']), persisted)).toBe(false);
  });
});

describe('firstSequencesIn', () => {
  it('reads first sequences by producer, and nothing from floors, counters or the baseline', () => {
    expect(
      firstSequencesIn({
        api_calls: '4',
        _baseline: '1',
        [producerFloorField('p1')]: '8',
        [producerFirstSequenceField('p1')]: '5',
        [producerFirstSequenceField('p2')]: 'not a number',
      }),
    ).toEqual({ p1: 5 });
  });
});
