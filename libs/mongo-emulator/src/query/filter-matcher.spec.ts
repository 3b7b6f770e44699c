import { BSONRegExp, Decimal128, Long } from 'bson';
import type { Document } from 'bson';
import { compileFilter } from './filter-matcher';

const matches = (filter: Document, document: Document): boolean => compileFilter(filter)(document);

describe('compileFilter', () => {
  it('compares numbers by value across BSON types, in equality, ranges and $in', () => {
    const document = { amount: Long.fromNumber(5), rates: [Decimal128.fromString('1.50')] };

    expect(matches({ amount: 5 }, document)).toBe(true);
    expect(matches({ amount: { $gte: Decimal128.fromString('5.0'), $lt: 6 } }, document)).toBe(true);
    expect(matches({ rates: { $in: [1.5] } }, document)).toBe(true);
    expect(matches({ rates: { $nin: [1.5] } }, document)).toBe(false);
  });

  it('keeps range operators inside the operand type bracket', () => {
    expect(matches({ v: { $gt: 1 } }, { v: 'x' })).toBe(false);
    expect(matches({ v: { $lt: 'a' } }, { v: 1 })).toBe(false);
    expect(matches({ v: { $gte: null } }, {})).toBe(true);
  });

  it('matches embedded documents whole only in the same field order', () => {
    expect(matches({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true);
    expect(matches({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toBe(false);
    expect(matches({ 'a.x': 1, 'a.y': 2 }, { a: { y: 2, x: 1 } })).toBe(true);
  });

  it('treats a field missing in one array element as null', () => {
    expect(matches({ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] })).toBe(true);
    expect(matches({ 'a.b': null }, { a: [{ b: 1 }] })).toBe(false);
  });

  it('applies $size and $elemMatch to the array itself, not to nested elements', () => {
    expect(matches({ a: { $size: 2 } }, { a: [[1, 2]] })).toBe(false);
    expect(matches({ a: { $elemMatch: { $gt: 1, $lt: 3 } } }, { a: [0, 2] })).toBe(true);
    expect(matches({ a: { $elemMatch: { $gt: 1, $lt: 3 } } }, { a: [0, 5] })).toBe(false);
  });

  it('supports $regex with options, $not, $mod and $all', () => {
    expect(matches({ s: { $regex: '^AB', $options: 'i' } }, { s: 'abc' })).toBe(true);
    expect(matches({ s: new BSONRegExp('^a b', 'x') }, { s: 'ab' })).toBe(true);
    expect(matches({ n: { $not: { $gt: 2 } } }, { n: 1 })).toBe(true);
    expect(matches({ n: { $mod: [4, 1] } }, { n: Long.fromNumber(9) })).toBe(true);
    expect(matches({ tags: { $all: ['a', 'b'] } }, { tags: ['b', 'c', 'a'] })).toBe(true);
  });

  it('refuses unknown operators', () => {
    expect(() => compileFilter({ a: { $bogus: 1 } })).toThrow(expect.objectContaining({ code: 2 }));
    expect(() => compileFilter({ $bogus: [] })).toThrow(expect.objectContaining({ code: 2 }));
  });
});
