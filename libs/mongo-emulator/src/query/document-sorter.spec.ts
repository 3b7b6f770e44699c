import { Decimal128, Long } from 'bson';
import { sortDocuments } from './document-sorter';

const idsSortedBy = (documents: object[], sort: object): unknown[] =>
  sortDocuments(documents, sort).map((document) => document['_id' as keyof typeof document]);

describe('sortDocuments', () => {
  it('sorts an array field by its smallest element ascending and its largest descending', () => {
    const documents = [
      { _id: 'spread', v: [1, 10] },
      { _id: 'middle', v: 5 },
    ];

    expect(idsSortedBy(documents, { v: 1 })).toEqual(['spread', 'middle']);
    expect(idsSortedBy(documents, { v: -1 })).toEqual(['spread', 'middle']);
  });

  it('puts an empty array before null and missing', () => {
    const documents = [{ _id: 'missing' }, { _id: 'null', v: null }, { _id: 'empty', v: [] }];

    expect(idsSortedBy(documents, { v: 1 })).toEqual(['empty', 'missing', 'null']);
  });

  it('sorts numbers of every BSON type by value and keeps input order for ties', () => {
    const documents = [
      { _id: 'long', v: Long.fromNumber(2) },
      { _id: 'decimal', v: Decimal128.fromString('1.5') },
      { _id: 'int', v: 2 },
    ];

    expect(idsSortedBy(documents, { v: 1 })).toEqual(['decimal', 'long', 'int']);
  });
});
