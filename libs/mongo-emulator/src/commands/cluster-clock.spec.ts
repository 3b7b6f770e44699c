import { Timestamp } from 'bson';
import { ClusterClock } from './cluster-clock';

describe('ClusterClock', () => {
  it('hands out strictly increasing times, also within one second', () => {
    const clock = new ClusterClock();
    const times = Array.from({ length: 1_000 }, () => clock.tick());
    for (let n = 1; n < times.length; n++) {
      expect(times[n]!.greaterThan(times[n - 1]!)).toBe(true);
    }
  });

  it('stamps a reply with the same operationTime and $clusterTime', () => {
    const reply = new ClusterClock().stamp({ n: 1 });
    expect(reply['operationTime']).toBeInstanceOf(Timestamp);
    expect(reply['$clusterTime']).toMatchObject({ clusterTime: reply['operationTime'] });
    expect(reply['n']).toBe(1);
  });
});
